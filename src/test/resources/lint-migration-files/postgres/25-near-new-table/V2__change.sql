CREATE TABLE review (
    id integer PRIMARY KEY,
    book_id integer NOT NULL REFERENCES book (id),
    stars integer NOT NULL
);
CREATE INDEX review_book_idx ON review (book_id);
