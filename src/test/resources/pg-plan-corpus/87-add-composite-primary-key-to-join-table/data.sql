INSERT INTO users SELECT generate_series(1, 20);
INSERT INTO groups SELECT generate_series(1, 5);
INSERT INTO user_groups SELECT u, g FROM generate_series(1, 20) u, generate_series(1, 5) g WHERE (u + g) % 3 = 0;
