ALTER TABLE book ADD COLUMN (edition int NOT NULL, pages int NOT NULL);
