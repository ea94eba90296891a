CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE shipments (
    id int PRIMARY KEY,
    order_id bigint,
    carrier text
);
