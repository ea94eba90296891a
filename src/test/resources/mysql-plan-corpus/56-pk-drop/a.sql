CREATE TABLE t (
  a int NOT NULL,
  b int NULL,
  PRIMARY KEY (a)
) ENGINE=InnoDB;
