CREATE TABLE tickets (id int PRIMARY KEY, subject text NOT NULL);
