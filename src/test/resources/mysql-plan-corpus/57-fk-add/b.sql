CREATE TABLE p (
  id int NOT NULL,
  code varchar(10) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
CREATE TABLE c (
  id int NOT NULL,
  p_id int NULL,
  PRIMARY KEY (id),
  KEY fk_c_p (p_id),
  CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
