INSERT INTO t (id, a, z) VALUES (1, 5, 0), (2, 7, 0);
