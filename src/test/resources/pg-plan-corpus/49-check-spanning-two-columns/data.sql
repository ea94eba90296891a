INSERT INTO bookings SELECT g, 'room ' || (g % 6), timestamptz '2024-06-01 14:00:00+00' + g * interval '1 day',
    timestamptz '2024-06-01 14:00:00+00' + g * interval '1 day' + (g % 3 + 1) * interval '1 day', 1, g % 4 + 1
FROM generate_series(1, 50) g;
