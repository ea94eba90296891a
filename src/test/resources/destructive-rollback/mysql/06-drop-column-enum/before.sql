CREATE TABLE diary (
    id int NOT NULL PRIMARY KEY,
    entry text,
    feeling ENUM('sad', 'ok', 'happy') NOT NULL DEFAULT 'ok',
    tags SET('work', 'home', 'travel')
) ENGINE=InnoDB;
