INSERT INTO users SELECT g, 'user' || g FROM generate_series(1, 50) g;
