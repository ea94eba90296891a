CREATE TABLE people (
    id int PRIMARY KEY,
    name text NOT NULL,
    nickname varchar(30),
    born date
);
