INSERT INTO people VALUES (1, 'Ada', 'countess', '1815-12-10'), (2, 'Alan', NULL, '1912-06-23'), (3, 'Grace', 'amazing', NULL);
