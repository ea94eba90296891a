INSERT INTO orders (id, status, priority, placed_at)
SELECT g, (ARRAY['pending', 'paid', 'shipped'])[g % 3 + 1], g % 5, timestamptz '2024-03-01 12:00:00+00' + g * interval '1 day'
FROM generate_series(1, 45) g;
INSERT INTO orders (id) VALUES (100), (101);
