-- The shop schema's first migration: version 1 of examples/shop, as a Flyway-style versioned file.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       varchar(120) NOT NULL UNIQUE,
    name        text NOT NULL,
    created_at  timestamp NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       order_status NOT NULL DEFAULT 'new',
    total        numeric(10,2) NOT NULL CHECK (total >= 0),
    note         varchar(200)
);

CREATE INDEX orders_customer_idx ON orders (customer_id);

CREATE VIEW customer_totals AS
    SELECT c.id, c.email, sum(o.total) AS total
    FROM customers c JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.email;
