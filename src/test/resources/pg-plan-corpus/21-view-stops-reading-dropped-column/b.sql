CREATE TABLE items (id int PRIMARY KEY, v int);
CREATE VIEW item_notes AS SELECT id FROM items;
