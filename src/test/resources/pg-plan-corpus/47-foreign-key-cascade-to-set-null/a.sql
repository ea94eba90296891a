CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE members (id int PRIMARY KEY, team_id int REFERENCES teams (id) ON DELETE CASCADE, name text NOT NULL);
