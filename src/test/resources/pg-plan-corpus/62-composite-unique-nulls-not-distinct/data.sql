INSERT INTO memberships SELECT g, g % 4, g, CASE WHEN g % 3 = 0 THEN NULL ELSE g % 7 END FROM generate_series(1, 60) g;
