-- Version 3: the "contract" step. It breaks version-1 and version-2 clients: Strata says which, where and why.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped', 'refunded');

CREATE TABLE customers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email       varchar(254) NOT NULL UNIQUE,
    full_name   text NOT NULL,                         -- strata:renamed-from name
    created_at  timestamptz NOT NULL DEFAULT now(),    -- now with time zone
    phone       text NOT NULL                          -- now required
);

CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    status       order_status NOT NULL DEFAULT 'new',
    total        numeric(12,2) NOT NULL CHECK (total >= 0),
    placed_at    timestamptz NOT NULL DEFAULT now(),
    currency     char(3) NOT NULL                      -- required, no default
);

CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
