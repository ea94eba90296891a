CREATE TABLE items (id int PRIMARY KEY, v int, note text);
COMMENT ON TABLE items IS 'things we sell';
COMMENT ON COLUMN items.v IS 'value';
