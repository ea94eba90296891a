-- Generated columns (their values come back from the expression) and names that need quotes.
CREATE TABLE `Order Lines` (
    `Id` int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `Qty` int NOT NULL,
    `Unit Price` decimal(8,2) NOT NULL,
    `Total` decimal(10,2) AS (`Qty` * `Unit Price`) STORED,
    `Label` varchar(30) AS (concat('x', `Qty`)) VIRTUAL
) ENGINE=InnoDB;
CREATE TABLE keep (id int NOT NULL PRIMARY KEY) ENGINE=InnoDB;
