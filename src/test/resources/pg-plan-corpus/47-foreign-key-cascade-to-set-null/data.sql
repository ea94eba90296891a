INSERT INTO teams SELECT g, 'team ' || g FROM generate_series(1, 8) g;
INSERT INTO members SELECT g, CASE WHEN g % 9 = 0 THEN NULL ELSE g % 8 + 1 END, 'member ' || g FROM generate_series(1, 60) g;
