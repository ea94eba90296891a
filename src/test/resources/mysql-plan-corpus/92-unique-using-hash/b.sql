CREATE TABLE t (id int PRIMARY KEY, body text, UNIQUE KEY uq_body (body) USING HASH);
