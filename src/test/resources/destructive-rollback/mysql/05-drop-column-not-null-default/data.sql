INSERT INTO tickets VALUES (1, 'printer on fire', 1, '2024-01-01 09:00'), (2, 'coffee', 5, '2024-01-02 10:00'),
    (3, 'login', 3, '2024-01-03 11:00'), (40, 'typo', 4, '2024-02-01 08:15');
