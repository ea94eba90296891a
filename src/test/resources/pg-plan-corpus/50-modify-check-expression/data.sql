INSERT INTO products SELECT g, 'product ' || g, g * 1.25 FROM generate_series(1, 50) g;
