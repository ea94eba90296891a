CREATE TABLE countries (id int PRIMARY KEY, code text NOT NULL, name text NOT NULL);
