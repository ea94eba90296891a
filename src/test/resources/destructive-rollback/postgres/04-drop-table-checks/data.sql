INSERT INTO stock VALUES (1, 'A-1', 10, 2, '2024-05-01 10:00:00+00'), (1, 'B-7', 0, 0, '2024-05-02 11:30:00+00'),
    (2, 'A-1', 5, 5, '2024-05-03 12:00:00+00');
INSERT INTO warehouses VALUES (1, 'north'), (2, 'south');
