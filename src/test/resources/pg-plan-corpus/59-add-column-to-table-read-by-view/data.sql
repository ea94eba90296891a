INSERT INTO employees SELECT g, 'employee ' || g, 30000 + g * 100 FROM generate_series(1, 40) g;
