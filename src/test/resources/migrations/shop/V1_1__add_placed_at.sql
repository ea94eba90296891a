ALTER TABLE orders ADD COLUMN placed_at timestamp;
CREATE INDEX orders_placed_at ON orders (placed_at);
