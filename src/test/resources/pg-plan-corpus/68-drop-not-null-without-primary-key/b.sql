CREATE TABLE page_views (path text NOT NULL, referrer text, viewed_at timestamptz NOT NULL);
CREATE INDEX page_views_viewed_at_idx ON page_views (viewed_at);
