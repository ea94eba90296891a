INSERT INTO webhooks SELECT g, 'https://hooks.example.com/' || g FROM generate_series(1, 40) g;
