INSERT INTO payments SELECT g, g * 9.99, 'REF-' || g FROM generate_series(1, 40) g;
