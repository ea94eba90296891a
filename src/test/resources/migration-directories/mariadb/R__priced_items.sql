-- Runs after R__item_routines.sql (descriptions in order): the function it calls exists by then.
CREATE OR REPLACE VIEW priced_items AS SELECT id, name, item_price(id) AS price FROM items WHERE price > 0;
