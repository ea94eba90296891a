-- A fixed start: by default an event starts when it is created, which would differ between two databases.
CREATE EVENT purge_price_log ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 03:00:00'
    DO DELETE FROM price_log WHERE changed_at < NOW() - INTERVAL 90 DAY;
