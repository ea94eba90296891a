CREATE TYPE mood AS ENUM ('sad', 'happy', 'ok');
CREATE TABLE people (id int PRIMARY KEY, m mood);
CREATE VIEW happy_people AS SELECT id FROM people WHERE m = 'happy';
