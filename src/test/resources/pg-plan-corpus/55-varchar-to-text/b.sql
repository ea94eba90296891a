CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL, body text);
CREATE INDEX posts_title_idx ON posts (title);
