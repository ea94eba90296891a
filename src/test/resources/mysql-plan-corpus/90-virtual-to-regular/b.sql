CREATE TABLE t (id int PRIMARY KEY, a int, c int, z int);
