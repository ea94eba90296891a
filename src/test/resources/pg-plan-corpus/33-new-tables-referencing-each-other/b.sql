CREATE TABLE items (id int PRIMARY KEY, v int, note text);
CREATE TABLE a_orders (id serial PRIMARY KEY, item_id int REFERENCES items (id), last_line int);
CREATE TABLE b_lines (id int PRIMARY KEY, order_id int REFERENCES a_orders (id));
ALTER TABLE a_orders ADD CONSTRAINT a_orders_last_line_fk FOREIGN KEY (last_line) REFERENCES b_lines (id);
