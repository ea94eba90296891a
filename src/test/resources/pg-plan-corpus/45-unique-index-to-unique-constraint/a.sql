CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, handle text);
CREATE UNIQUE INDEX users_email_key ON users (email);
