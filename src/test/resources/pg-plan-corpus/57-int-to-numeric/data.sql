INSERT INTO invoices SELECT g, g * 1999, CASE WHEN g % 3 = 0 THEN NULL ELSE g * 19 END FROM generate_series(1, 50) g;
