INSERT INTO accounts SELECT g, 'user' || g || '@example.com', timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'
FROM generate_series(1, 60) g;
