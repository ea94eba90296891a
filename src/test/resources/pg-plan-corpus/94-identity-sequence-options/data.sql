INSERT INTO seqs (v) VALUES ('a'), ('b'), ('c');
