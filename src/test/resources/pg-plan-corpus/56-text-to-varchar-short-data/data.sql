INSERT INTO countries VALUES (1, 'DE', 'Germany'), (2, 'FR', 'France'), (3, 'IT', 'Italy'), (4, 'ES', 'Spain'),
    (5, 'PT', 'Portugal'), (6, 'NL', 'Netherlands'), (7, 'BE', 'Belgium'), (8, 'AT', 'Austria'),
    (9, 'CH', 'Switzerland'), (10, 'PL', 'Poland'), (11, 'SE', 'Sweden'), (12, 'NO', 'Norway');
