CREATE TABLE order_lines (id int PRIMARY KEY, qty int NOT NULL, unit_price numeric(10,2) NOT NULL, first_name text, last_name text,
    line_total numeric(12,2) GENERATED ALWAYS AS (qty * unit_price) STORED,
    full_name text GENERATED ALWAYS AS (coalesce(first_name, '') || ' ' || coalesce(last_name, '')) STORED);
