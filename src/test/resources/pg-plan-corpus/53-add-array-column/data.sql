INSERT INTO articles SELECT g, 'Article ' || g FROM generate_series(1, 40) g;
