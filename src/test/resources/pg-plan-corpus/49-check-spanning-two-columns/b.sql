CREATE TABLE bookings (id int PRIMARY KEY, room text NOT NULL, starts_at timestamptz NOT NULL, ends_at timestamptz NOT NULL,
    min_guests int NOT NULL, max_guests int NOT NULL,
    CONSTRAINT bookings_period_check CHECK (starts_at < ends_at),
    CONSTRAINT bookings_guests_check CHECK (min_guests <= max_guests AND min_guests > 0));
