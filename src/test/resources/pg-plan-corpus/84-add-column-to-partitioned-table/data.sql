INSERT INTO events SELECT g, date '2024-06-01' + g * 3, (ARRAY['click', 'view'])[g % 2 + 1] FROM generate_series(1, 100) g;
