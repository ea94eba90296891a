CREATE TABLE imports (id int PRIMARY KEY, source text NOT NULL);
