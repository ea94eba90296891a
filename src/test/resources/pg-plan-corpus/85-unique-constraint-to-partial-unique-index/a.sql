CREATE TABLE subscriptions (id int PRIMARY KEY, user_id int NOT NULL, plan text NOT NULL, cancelled_at timestamptz,
    CONSTRAINT subscriptions_user_plan_key UNIQUE (user_id, plan));
