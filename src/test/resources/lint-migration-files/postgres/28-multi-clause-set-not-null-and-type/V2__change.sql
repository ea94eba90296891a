ALTER TABLE book
    ADD COLUMN edition integer NOT NULL DEFAULT 1,
    ALTER COLUMN subtitle SET NOT NULL,
    ALTER COLUMN price TYPE bigint;
