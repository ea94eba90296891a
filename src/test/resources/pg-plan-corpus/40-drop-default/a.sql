CREATE TABLE orders (id int PRIMARY KEY, status text NOT NULL DEFAULT 'pending', priority int DEFAULT 5, placed_at timestamptz DEFAULT now());
