INSERT INTO t (name, tags) VALUES ('a', 'a,b'), ('b', 'b'), ('c', NULL);
