INSERT INTO diary VALUES (1, 'rain', 'sad', 'work,home'), (2, 'sun', 'happy', NULL), (3, NULL, 'ok', '');
