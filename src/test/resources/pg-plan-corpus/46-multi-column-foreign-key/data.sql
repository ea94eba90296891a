INSERT INTO orders SELECT t, o, date '2024-01-01' + o FROM generate_series(1, 3) t, generate_series(1, 10) o;
INSERT INTO order_lines SELECT t, o, l, 'sku-' || (o * l), l FROM generate_series(1, 3) t, generate_series(1, 10) o, generate_series(1, 3) l;
