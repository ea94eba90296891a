CREATE TABLE memberships (id int PRIMARY KEY, org_id int NOT NULL, user_id int NOT NULL, project_id int,
    CONSTRAINT memberships_scope_key UNIQUE NULLS NOT DISTINCT (org_id, user_id, project_id));
