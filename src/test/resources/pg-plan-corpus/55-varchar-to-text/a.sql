CREATE TABLE posts (id int PRIMARY KEY, title varchar(120) NOT NULL, body varchar(2000));
CREATE INDEX posts_title_idx ON posts (title);
