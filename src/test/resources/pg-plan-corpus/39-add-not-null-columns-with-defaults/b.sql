CREATE TABLE accounts (
    id int PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL,
    is_admin boolean NOT NULL DEFAULT false,
    login_count int NOT NULL DEFAULT 0,
    balance numeric(12,2) NOT NULL DEFAULT 0.00,
    plan varchar(20) NOT NULL DEFAULT 'free'
);
