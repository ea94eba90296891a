CREATE TABLE t (id int NOT NULL AUTO_INCREMENT, v int, KEY ix_id (id));
