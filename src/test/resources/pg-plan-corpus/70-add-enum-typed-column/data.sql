INSERT INTO tickets SELECT g, 'ticket ' || g FROM generate_series(1, 40) g;
