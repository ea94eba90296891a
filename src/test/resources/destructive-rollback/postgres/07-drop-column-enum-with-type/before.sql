-- The column and the enum type only it uses go in one plan.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE diary (
    id int PRIMARY KEY,
    entry text,
    feeling mood NOT NULL DEFAULT 'ok',
    feelings mood[]
);
