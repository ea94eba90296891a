CREATE TABLE categories (id int PRIMARY KEY, name text NOT NULL, parent_id int REFERENCES categories (id) ON DELETE SET NULL);
CREATE INDEX categories_parent_idx ON categories (parent_id);
