INSERT INTO accounts VALUES (1, 'ada@example.org', 'ada', 'eu', 'counted', '2024-01-02'),
    (2, 'alan@example.org', NULL, 'us', NULL, '2023-12-31'), (3, 'grace@example.org', 'grace', 'eu', 'it''s', '1999-09-09');
