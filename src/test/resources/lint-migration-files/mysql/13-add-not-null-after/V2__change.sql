ALTER TABLE `book` ADD `edition` int NOT NULL AFTER `name`;
