CREATE TABLE subscriptions (id int PRIMARY KEY, user_id int NOT NULL, plan text NOT NULL, cancelled_at timestamptz);
CREATE UNIQUE INDEX subscriptions_active_user_plan_key ON subscriptions (user_id, plan) WHERE cancelled_at IS NULL;
