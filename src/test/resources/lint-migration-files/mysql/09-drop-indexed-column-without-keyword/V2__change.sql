ALTER TABLE `book` DROP `author`;
