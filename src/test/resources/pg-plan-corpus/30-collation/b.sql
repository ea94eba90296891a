CREATE COLLATION numeric (provider = icu, locale = 'en-u-kn-true');
CREATE TABLE items (id int PRIMARY KEY, v int, note text COLLATE numeric);
