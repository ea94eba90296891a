INSERT INTO page_views SELECT '/page/' || (g % 10), 'https://search.example.com/?q=' || g, timestamptz '2024-04-01 00:00:00+00' + g * interval '1 minute'
FROM generate_series(1, 80) g;
INSERT INTO page_views SELECT '/page/1', 'https://search.example.com/?q=1', timestamptz '2024-04-01 00:01:00+00' FROM generate_series(1, 3);
