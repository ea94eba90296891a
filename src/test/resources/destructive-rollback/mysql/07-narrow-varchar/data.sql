INSERT INTO products VALUES (1, 'AB-1', 'short'), (2, 'CD-22', NULL), (3, 'x', 'ten chars!');
