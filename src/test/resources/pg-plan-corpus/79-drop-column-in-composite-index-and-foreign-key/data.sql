INSERT INTO regions SELECT g, 'region ' || g FROM generate_series(1, 5) g;
INSERT INTO stores SELECT g, g % 5 + 1, 'city ' || g, date '2020-01-01' + g FROM generate_series(1, 40) g;
