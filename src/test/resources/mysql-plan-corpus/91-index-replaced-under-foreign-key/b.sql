CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int, KEY ix_b (parent_id, id), CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES parent (id));
