-- Version 2: the "expand" step. Everything here keeps version-1 clients working (BACKWARD).
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       varchar(254) NOT NULL UNIQUE,          -- widened
    name        text NOT NULL,
    created_at  timestamp NOT NULL DEFAULT now(),
    phone       text                                   -- new, nullable
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       order_status NOT NULL DEFAULT 'new',
    total        numeric(12,2) NOT NULL CHECK (total >= 0),  -- more precision
    note         varchar(200),
    placed_at    timestamptz DEFAULT now()             -- new, with a default
);

CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

CREATE VIEW customer_totals AS
    SELECT c.id, c.email, sum(o.total) AS total
    FROM customers c JOIN orders o ON o.customer_id = c.id
    GROUP BY c.id, c.email;
