-- Three tables at once, referencing each other and themselves, with AUTO_INCREMENT.
CREATE TABLE authors (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    mentor_id int,
    CONSTRAINT authors_mentor_fk FOREIGN KEY (mentor_id) REFERENCES authors (id)
) ENGINE=InnoDB;
CREATE TABLE books (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    author_id int NOT NULL,
    title varchar(100) NOT NULL,
    UNIQUE KEY books_title_key (title),
    CONSTRAINT books_author_fk FOREIGN KEY (author_id) REFERENCES authors (id)
) ENGINE=InnoDB;
CREATE TABLE reviews (
    book_id bigint NOT NULL,
    reviewer varchar(40) NOT NULL,
    stars tinyint,
    PRIMARY KEY (book_id, reviewer),
    CONSTRAINT reviews_book_fk FOREIGN KEY (book_id) REFERENCES books (id) ON DELETE CASCADE
) ENGINE=InnoDB;
CREATE TABLE shelves (id int NOT NULL PRIMARY KEY, label varchar(20)) ENGINE=InnoDB;
