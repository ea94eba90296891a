INSERT INTO orders SELECT g, g % 10, (ARRAY['new', 'paid', 'sent'])[g % 3 + 1], g * 2.5 FROM generate_series(1, 60) g;
