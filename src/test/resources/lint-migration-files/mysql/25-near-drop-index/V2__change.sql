ALTER TABLE book DROP INDEX idx_author;
