-- Agent console: staff accounts, their sessions, canned replies and the handoff log.
-- Portable SQL (SQLite and PostgreSQL); times are epoch milliseconds.

-- role: agent | supervisor | admin. password_hash: a PHC string ($argon2id$v=19$m=..,t=..,p=..$salt$hash).
CREATE TABLE console_account (
    username      TEXT PRIMARY KEY,
    role          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);

-- Sessions live in the database so that a restart or a second node keeps agents logged in.
-- Only a SHA-256 of the cookie's token is stored: a copy of the table logs nobody in.
CREATE TABLE console_session (
    token_hash TEXT PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES console_account (username) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX console_session_user ON console_session (username);

-- Kept by supervisors. template: a WhatsApp template reference (e.g. a Twilio ContentSid) for
-- when the 24-hour window is closed; NULL for plain text replies.
CREATE TABLE canned_reply (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    template   TEXT,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- One row per time an agent took a conversation: the dashboard's time to first answer.
CREATE TABLE handoff_log (
    id              TEXT PRIMARY KEY,
    channel         TEXT NOT NULL,
    address         TEXT NOT NULL,
    agent           TEXT NOT NULL,
    queued_at       BIGINT NOT NULL,
    taken_at        BIGINT NOT NULL,
    first_answer_at BIGINT,
    closed_at       BIGINT
);
CREATE INDEX handoff_log_open ON handoff_log (channel, address, closed_at);
CREATE INDEX handoff_log_taken ON handoff_log (taken_at);

-- The dashboard's volume by channel reads inbound messages by time.
CREATE INDEX inbound_message_received ON inbound_message (received_at);
