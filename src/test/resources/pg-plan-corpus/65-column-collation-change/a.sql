CREATE TABLE skus (id int PRIMARY KEY, code text NOT NULL, label text);
CREATE INDEX skus_code_idx ON skus (code);
