INSERT INTO sessions SELECT g, CASE WHEN g % 4 = 0 THEN 'api' ELSE 'web' END, 600 * g, timestamptz '2024-05-01 00:00:00+00' + g * interval '10 minutes'
FROM generate_series(1, 40) g;
