CREATE TABLE bookings (id int PRIMARY KEY, room text NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
    min_guests int NOT NULL, max_guests int NOT NULL);
