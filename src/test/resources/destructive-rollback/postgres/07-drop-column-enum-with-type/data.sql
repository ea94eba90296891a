INSERT INTO diary VALUES (1, 'rain', 'sad', '{sad,ok}'), (2, 'sun', 'happy', NULL), (3, NULL, 'ok', '{}');
