INSERT INTO items SELECT g, g % 7, 'n' || g FROM generate_series(1, 50) g;
