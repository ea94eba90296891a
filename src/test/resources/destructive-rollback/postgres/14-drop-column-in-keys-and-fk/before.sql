-- A dropped column in a unique constraint, a multi-column index and a foreign key.
CREATE TABLE teams (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE members (
    id int PRIMARY KEY,
    team_id int REFERENCES teams (id),
    badge varchar(12),
    email text NOT NULL,
    CONSTRAINT members_team_badge_key UNIQUE (team_id, badge)
);
CREATE INDEX members_team_email_idx ON members (team_id, email);
