INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 15) g;
INSERT INTO orders SELECT g, g % 12 + 1, g * 3.5 FROM generate_series(1, 70) g;
