INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 25) g;
