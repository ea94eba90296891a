INSERT INTO customers SELECT g, 'c' || g || '@example.com', 'Customer ' || g FROM generate_series(1, 50) g;
