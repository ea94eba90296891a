INSERT INTO logins SELECT g, g % 9, timestamp '2024-06-10 22:00:00' + g * interval '37 minutes',
    CASE WHEN g % 4 = 0 THEN NULL ELSE timestamp '2024-06-10 23:00:00' + g * interval '37 minutes' END
FROM generate_series(1, 60) g;
