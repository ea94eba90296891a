CREATE TABLE countries (id int PRIMARY KEY, code varchar(2) NOT NULL, name varchar(100) NOT NULL);
