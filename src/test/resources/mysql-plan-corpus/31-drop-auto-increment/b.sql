CREATE TABLE t (
  id int NOT NULL,
  name varchar(10) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
