INSERT INTO teams VALUES (1, 'red'), (2, 'blue');
INSERT INTO members VALUES (1, 1, 'R-1', 'a@x'), (2, 1, 'R-2', 'b@x'), (3, 2, 'B-1', 'c@x'), (4, NULL, NULL, 'd@x');
