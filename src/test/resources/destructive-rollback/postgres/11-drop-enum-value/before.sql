-- A value no row uses leaves the enum: PostgreSQL recreates the type.
CREATE TYPE order_state AS ENUM ('new', 'legacy', 'paid', 'shipped');
CREATE TABLE orders (
    id int PRIMARY KEY,
    state order_state NOT NULL DEFAULT 'new'
);
