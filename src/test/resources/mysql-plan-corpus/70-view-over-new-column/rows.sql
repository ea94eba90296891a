INSERT INTO t (name, qty, note) VALUES ('a', 1, 'x'), ('b', 2, NULL), ('c', NULL, 'z');
