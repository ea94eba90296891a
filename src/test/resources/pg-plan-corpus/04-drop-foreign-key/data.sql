INSERT INTO parents SELECT generate_series(1, 10);
INSERT INTO kids SELECT g, g % 10 + 1 FROM generate_series(1, 40) g;
