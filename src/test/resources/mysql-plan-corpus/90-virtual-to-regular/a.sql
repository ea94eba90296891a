CREATE TABLE t (id int PRIMARY KEY, a int, c int AS (a * 2) VIRTUAL, z int);
