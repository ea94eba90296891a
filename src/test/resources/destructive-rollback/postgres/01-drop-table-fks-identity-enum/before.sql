-- The table users found: a foreign key out of it, one into it, an enum type only it uses, an identity column.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100) PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status order_status NOT NULL DEFAULT 'new',
    total numeric(10,2) NOT NULL CHECK (total >= 0)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
COMMENT ON TABLE orders IS 'what customers bought';
CREATE TABLE shipments (
    id int PRIMARY KEY,
    order_id bigint REFERENCES orders (id),
    carrier text
);
