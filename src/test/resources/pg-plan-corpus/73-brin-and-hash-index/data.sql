INSERT INTO measurements SELECT g, 'sensor-' || (g % 8), timestamptz '2024-01-01 00:00:00+00' + g * interval '30 seconds', g * 0.5
FROM generate_series(1, 300) g;
