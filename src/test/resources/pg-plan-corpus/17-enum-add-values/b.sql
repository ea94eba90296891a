CREATE TYPE mood AS ENUM ('first', 'sad', 'ok', 'happy', 'ecstatic');
CREATE TABLE people (id int PRIMARY KEY, m mood DEFAULT 'sad');
