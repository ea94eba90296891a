INSERT INTO prices VALUES (1, 1.5, 0.25), (2, 1234.56, NULL), (3, 0, 1.1);
