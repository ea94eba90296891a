CREATE TABLE parent (id int NOT NULL UNIQUE, code text PRIMARY KEY);
CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id));
