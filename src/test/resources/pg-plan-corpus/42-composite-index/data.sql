INSERT INTO events SELECT g, g % 12, (ARRAY['login', 'logout', 'purchase'])[g % 3 + 1], timestamptz '2024-01-01 00:00:00+00' + g * interval '7 minutes'
FROM generate_series(1, 200) g;
