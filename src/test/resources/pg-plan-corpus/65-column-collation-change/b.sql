CREATE TABLE skus (id int PRIMARY KEY, code text COLLATE "C" NOT NULL, label text COLLATE "POSIX");
CREATE INDEX skus_code_idx ON skus (code);
