ALTER TABLE book
    ADD COLUMN edition int NOT NULL,
    DROP COLUMN subtitle,
    MODIFY code varchar(10);
