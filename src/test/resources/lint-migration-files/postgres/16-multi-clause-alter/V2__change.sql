ALTER TABLE book
    ADD COLUMN edition integer NOT NULL,
    DROP COLUMN subtitle;
