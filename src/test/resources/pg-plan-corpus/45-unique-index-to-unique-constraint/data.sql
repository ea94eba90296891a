INSERT INTO users SELECT g, 'user' || g || '@example.com', CASE WHEN g % 5 = 0 THEN NULL ELSE 'h' || g END
FROM generate_series(1, 50) g;
