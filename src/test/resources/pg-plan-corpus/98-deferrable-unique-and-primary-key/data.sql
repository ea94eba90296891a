INSERT INTO codes VALUES (1, 'x'), (2, 'y');
