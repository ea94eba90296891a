CREATE TABLE users (id int PRIMARY KEY);
CREATE TABLE groups (id int PRIMARY KEY);
CREATE TABLE user_groups (user_id int NOT NULL REFERENCES users (id), group_id int NOT NULL REFERENCES groups (id));
