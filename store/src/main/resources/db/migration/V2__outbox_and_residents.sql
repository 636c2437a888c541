-- Residents across channels, and the outbox every asynchronous message goes through.

-- One row per resident address: an E.164 number (SMS, USSD and WhatsApp share it) or
-- 'telegram:<chat id>' for a Telegram user who has not shared a phone number.
CREATE TABLE resident (
    address               TEXT PRIMARY KEY,
    language              TEXT,
    opted_out             INTEGER NOT NULL DEFAULT 0,
    opted_out_at          BIGINT,
    whatsapp_last_inbound BIGINT,
    telegram_chat_id      TEXT,
    updated_at            BIGINT NOT NULL
);

-- Written in the same transaction as the change that causes the message; a sender delivers
-- due rows (replies to residents, priority 0, ahead of bulk notifications, priority 1).
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    channel         TEXT NOT NULL,
    address         TEXT NOT NULL,
    body            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    priority        INTEGER NOT NULL,
    template        TEXT,
    status          TEXT NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    created_at      BIGINT NOT NULL,
    sent_at         BIGINT,
    provider_id     TEXT,
    last_error      TEXT
);
CREATE INDEX outbox_due ON outbox (status, priority, next_attempt_at);
CREATE INDEX outbox_provider ON outbox (provider_id);
