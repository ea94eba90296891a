CREATE TABLE things ( -- strata:renamed-from items
    id int PRIMARY KEY, v int, note text);
