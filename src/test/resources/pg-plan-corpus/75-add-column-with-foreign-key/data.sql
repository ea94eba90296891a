INSERT INTO warehouses VALUES (1, 'Lyon'), (2, 'Porto'), (3, 'Gdansk');
INSERT INTO stock SELECT g, 'sku-' || g, g * 3 FROM generate_series(1, 50) g;
