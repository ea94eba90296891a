CREATE TABLE documents (id int PRIMARY KEY, title text NOT NULL, current_revision_id int);
CREATE TABLE revisions (id int PRIMARY KEY, document_id int NOT NULL REFERENCES documents (id), body text NOT NULL);
ALTER TABLE documents ADD CONSTRAINT documents_current_revision_fk FOREIGN KEY (current_revision_id)
    REFERENCES revisions (id) DEFERRABLE INITIALLY DEFERRED;
