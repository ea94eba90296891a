INSERT INTO users SELECT g, CASE WHEN g % 2 = 0 THEN 'User' || g || '@Example.com' ELSE 'user' || g || '@example.com' END, 'Name ' || g
FROM generate_series(1, 50) g;
