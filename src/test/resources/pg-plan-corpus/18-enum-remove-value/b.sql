CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE people (id int PRIMARY KEY, m mood DEFAULT 'sad', ms mood[]);
