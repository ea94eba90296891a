INSERT INTO clients SELECT g, 'c' || g FROM generate_series(1, 12) g;
INSERT INTO invoices SELECT g, 'c' || (g % 12 + 1) FROM generate_series(1, 50) g;
