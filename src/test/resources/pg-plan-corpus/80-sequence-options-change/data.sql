INSERT INTO orders SELECT g, 'ORD-' || g FROM generate_series(1, 30) g;
SELECT setval('order_number_seq', 1500);
