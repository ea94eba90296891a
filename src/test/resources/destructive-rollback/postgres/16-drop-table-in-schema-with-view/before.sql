-- A table outside public, with an enum of its schema, and a view over it that goes too.
CREATE SCHEMA shop;
CREATE TYPE shop.size AS ENUM ('s', 'm', 'l');
CREATE TABLE shop.shirts (
    id int PRIMARY KEY,
    size shop.size NOT NULL,
    colour text
);
CREATE VIEW shop.large_shirts AS SELECT id, colour FROM shop.shirts WHERE size = 'l';
CREATE TABLE shop.keep (id int PRIMARY KEY);
