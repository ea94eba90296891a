INSERT INTO shop.shirts VALUES (1, 's', 'red'), (2, 'l', NULL), (3, 'l', 'blue');
