INSERT INTO jobs SELECT g, 'q' || (g % 4), CASE WHEN g % 2 = 0 THEN 'pending' ELSE 'done' END,
    timestamptz '2024-02-01 00:00:00+00' + g * interval '1 minute',
    CASE WHEN g % 2 = 0 THEN NULL ELSE timestamptz '2024-02-02 00:00:00+00' END
FROM generate_series(1, 80) g;
INSERT INTO jobs VALUES (1001, 'q1', 'running', timestamptz '2024-02-03 00:00:00+00', NULL),
                        (1002, 'q2', 'running', timestamptz '2024-02-03 00:00:00+00', NULL);
