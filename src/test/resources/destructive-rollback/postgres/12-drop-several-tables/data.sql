INSERT INTO authors (name, mentor_id) VALUES ('Knuth', NULL), ('Sedgewick', 1), ('Wirth', NULL);
INSERT INTO books (author_id, title) VALUES (1, 'TAOCP'), (2, 'Algorithms'), (3, 'Pascal');
DELETE FROM books WHERE id = 3;
INSERT INTO reviews VALUES (1, 'ada', 5), (1, 'alan', 4), (2, 'grace', NULL);
INSERT INTO shelves VALUES (1, 'top');
