INSERT INTO orders SELECT g, (ARRAY['new', 'paid', 'shipped'])[g % 3 + 1]::order_state FROM generate_series(1, 45) g;
