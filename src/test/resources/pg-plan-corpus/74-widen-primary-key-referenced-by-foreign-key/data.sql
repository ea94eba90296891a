INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 15) g;
INSERT INTO books SELECT g, g % 15 + 1, 'book ' || g FROM generate_series(1, 60) g;
