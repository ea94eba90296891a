CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, display_name text);
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
CREATE INDEX users_name_prefix_idx ON users (lower(display_name) text_pattern_ops);
