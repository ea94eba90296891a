CREATE TYPE order_state AS ENUM ('draft', 'new', 'paid', 'shipped');
CREATE TABLE orders (id int PRIMARY KEY, state order_state NOT NULL DEFAULT 'draft');
