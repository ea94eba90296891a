CREATE TYPE ticket_status AS ENUM ('open', 'in_progress', 'resolved', 'closed');
CREATE TYPE ticket_priority AS ENUM ('low', 'normal', 'high');
CREATE TABLE tickets (id int PRIMARY KEY, subject text NOT NULL,
    status ticket_status NOT NULL DEFAULT 'open',
    priority ticket_priority);
CREATE INDEX tickets_open_idx ON tickets (priority) WHERE status = 'open';
