CREATE TABLE t (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(10) NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
