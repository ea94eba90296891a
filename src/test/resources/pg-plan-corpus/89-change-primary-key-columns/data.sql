INSERT INTO settings SELECT g, g % 4, 'key' || g, 'value ' || g FROM generate_series(1, 50) g;
