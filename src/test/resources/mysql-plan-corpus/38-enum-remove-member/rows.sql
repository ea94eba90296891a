INSERT INTO t (name, qty, color) VALUES ('a', 1, 'red'), ('b', 2, 'green'), ('c', NULL, NULL);
