CREATE TABLE review (
    id int PRIMARY KEY,
    book_id int NOT NULL,
    stars int NOT NULL,
    INDEX idx_book (book_id)
);
