INSERT INTO products SELECT 'P' || g, 'product ' || g FROM generate_series(1, 20) g;
INSERT INTO prices SELECT g, 'P' || (g % 20 + 1), g * 1.1 FROM generate_series(1, 60) g;
