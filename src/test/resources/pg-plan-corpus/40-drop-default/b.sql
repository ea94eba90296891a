CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL, priority int, placed_at timestamptz);
