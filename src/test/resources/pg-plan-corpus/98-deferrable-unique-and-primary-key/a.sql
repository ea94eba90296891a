CREATE TABLE codes (k int PRIMARY KEY, code text UNIQUE);
