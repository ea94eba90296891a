INSERT INTO notes (body) SELECT 'note ' || g FROM generate_series(1, 40) g;
