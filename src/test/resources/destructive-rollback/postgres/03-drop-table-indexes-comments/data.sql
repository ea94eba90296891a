INSERT INTO accounts VALUES (1, 'Ada@example.org', 'ada', 'eu', false, '2024-01-02'),
    (2, 'alan@example.org', NULL, 'us', true, '2023-12-31'), (3, 'grace@example.org', 'grace', 'eu', false, '1999-09-09');
