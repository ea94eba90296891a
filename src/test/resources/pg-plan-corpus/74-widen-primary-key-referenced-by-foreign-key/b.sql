CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (id int PRIMARY KEY, author_id bigint NOT NULL REFERENCES authors (id), title text NOT NULL);
CREATE INDEX books_author_idx ON books (author_id);
