CREATE TABLE items (id int PRIMARY KEY, v int, note varchar(50));
