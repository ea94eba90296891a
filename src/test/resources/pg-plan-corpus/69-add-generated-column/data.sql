INSERT INTO order_lines SELECT g, g % 5 + 1, g * 0.75, 'First' || g, CASE WHEN g % 4 = 0 THEN NULL ELSE 'Last' || g END
FROM generate_series(1, 50) g;
