CREATE TABLE diary (
    id int PRIMARY KEY,
    entry text
);
