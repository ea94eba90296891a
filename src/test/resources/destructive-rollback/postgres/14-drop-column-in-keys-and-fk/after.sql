CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE members (
    id int PRIMARY KEY,
    badge varchar(12),
    email text NOT NULL
);
