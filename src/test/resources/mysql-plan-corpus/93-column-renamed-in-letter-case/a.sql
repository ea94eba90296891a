CREATE TABLE t (id int PRIMARY KEY, Price int);
