INSERT INTO clients SELECT g, 'client ' || g FROM generate_series(1, 12) g;
INSERT INTO invoices SELECT g, g % 12 + 1 FROM generate_series(1, 50) g;
