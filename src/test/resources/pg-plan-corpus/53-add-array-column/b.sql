CREATE TABLE articles (id int PRIMARY KEY, title text NOT NULL, tags text[] NOT NULL DEFAULT '{}', scores int[]);
CREATE INDEX articles_tags_idx ON articles USING gin (tags);
