CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE VIEW item_values AS SELECT id, v FROM items;
CREATE VIEW big_values AS SELECT id FROM item_values WHERE v > 3;
