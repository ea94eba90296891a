INSERT INTO posts SELECT g, 'Post number ' || g, repeat('lorem ipsum ', g) FROM generate_series(1, 50) g;
