INSERT INTO products SELECT g, 'product ' || g, g % 5 = 0 FROM generate_series(1, 40) g;
