CREATE TABLE parents (id int PRIMARY KEY);
