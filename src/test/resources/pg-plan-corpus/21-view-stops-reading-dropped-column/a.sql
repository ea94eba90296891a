CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE VIEW item_notes AS SELECT id, note FROM items;
