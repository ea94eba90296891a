INSERT INTO documents SELECT g, 'doc ' || g FROM generate_series(1, 20) g;
INSERT INTO revisions SELECT g, g % 20 + 1, 'body ' || g FROM generate_series(1, 60) g;
UPDATE documents d SET current_revision_id = (SELECT max(r.id) FROM revisions r WHERE r.document_id = d.id);
