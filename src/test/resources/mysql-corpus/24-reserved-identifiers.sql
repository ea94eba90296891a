-- Reserved words, spaces, backticks and mixed case in identifiers.
CREATE TABLE `order` (
  `key` INT NOT NULL,
  `select` VARCHAR(10),
  `from date` DATE,
  `weird``name` INT,
  `Group` INT,
  PRIMARY KEY (`key`),
  KEY `index` (`select`),
  UNIQUE KEY `unique key` (`weird``name`),
  CONSTRAINT `check` CHECK (`weird``name` > 0)
);
CREATE TABLE `table with spaces` (
  `id` INT PRIMARY KEY,
  `order key` INT,
  CONSTRAINT `fk to order` FOREIGN KEY (`order key`) REFERENCES `order` (`key`)
);
CREATE VIEW `view` AS SELECT `key`, `select` AS `where` FROM `order`;
