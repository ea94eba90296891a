CREATE TABLE items (id int PRIMARY KEY, v int, note text, status text NOT NULL DEFAULT 'new');
