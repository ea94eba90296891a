INSERT INTO orders VALUES (1, 'new'), (2, 'paid'), (3, 'shipped'), (4, 'paid');
