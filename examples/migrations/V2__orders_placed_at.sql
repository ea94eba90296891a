-- Orders remember when they were placed; a plain CREATE INDEX, which `strata lint` flags: it blocks writers.
ALTER TABLE orders ADD COLUMN placed_at timestamptz DEFAULT now();
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
