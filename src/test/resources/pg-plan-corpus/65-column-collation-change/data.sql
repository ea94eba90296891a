INSERT INTO skus SELECT g, CASE WHEN g % 2 = 0 THEN 'ab-' ELSE 'AB-' END || g, 'Label ' || g FROM generate_series(1, 50) g;
