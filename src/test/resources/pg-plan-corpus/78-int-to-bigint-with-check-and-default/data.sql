INSERT INTO counters SELECT g, g * 1000 FROM generate_series(1, 50) g;
