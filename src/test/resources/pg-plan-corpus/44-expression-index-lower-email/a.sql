CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, display_name text);
