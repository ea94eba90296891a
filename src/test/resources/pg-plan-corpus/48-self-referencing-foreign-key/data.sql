INSERT INTO categories SELECT g, 'category ' || g, CASE WHEN g <= 3 THEN NULL ELSE g / 3 END FROM generate_series(1, 40) g;
