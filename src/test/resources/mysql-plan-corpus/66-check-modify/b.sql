CREATE TABLE t (
  id int NOT NULL AUTO_INCREMENT,
  name varchar(50) NOT NULL,
  qty int NULL,
  note text NULL,
  PRIMARY KEY (id),
  CONSTRAINT ck_qty CHECK (qty >= -1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
