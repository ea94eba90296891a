CREATE TABLE staging (code varchar(10) NOT NULL, note varchar(20)) ENGINE=InnoDB;
