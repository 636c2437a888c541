-- Kanal schema, version 1. Written to run unchanged on SQLite and PostgreSQL:
-- times are epoch milliseconds (BIGINT), no auto-increment columns, no vendor types.
-- Version ranges: V1-V9 foundation and dialog, V10-V19 prices and timetable,
-- V20-V29 channels and outbox, V30-V39 complaints lifecycle, V40-V49 console.

CREATE TABLE region (
    code          TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    ticket_prefix TEXT NOT NULL,
    next_ticket   BIGINT NOT NULL
);

CREATE TABLE agency (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE category (
    code            TEXT PRIMARY KEY,
    position        INTEGER NOT NULL,
    name_id         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    agency_code     TEXT NOT NULL REFERENCES agency (code),
    keywords        TEXT NOT NULL,
    resolution_days INTEGER NOT NULL
);

CREATE TABLE complaint (
    ticket           TEXT PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,
    category_code    TEXT NOT NULL REFERENCES category (code),
    agency_code      TEXT NOT NULL REFERENCES agency (code),
    location         TEXT NOT NULL,
    description      TEXT NOT NULL,
    latitude         DOUBLE PRECISION,
    longitude        DOUBLE PRECISION,
    reporter_channel TEXT NOT NULL,
    reporter_address TEXT NOT NULL,
    status           TEXT NOT NULL,
    filed_at         BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
CREATE INDEX complaint_reporter ON complaint (reporter_address, filed_at);

CREATE TABLE complaint_media (
    ticket       TEXT NOT NULL REFERENCES complaint (ticket),
    position     INTEGER NOT NULL,
    url          TEXT NOT NULL,
    content_type TEXT NOT NULL,
    PRIMARY KEY (ticket, position)
);

CREATE TABLE complaint_history (
    ticket     TEXT NOT NULL REFERENCES complaint (ticket),
    seq        INTEGER NOT NULL,
    status     TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    changed_by TEXT NOT NULL,
    note       TEXT NOT NULL,
    PRIMARY KEY (ticket, seq)
);

CREATE TABLE conversation (
    channel           TEXT NOT NULL,
    address           TEXT NOT NULL,
    language          TEXT NOT NULL,
    state             TEXT NOT NULL,
    misunderstandings INTEGER NOT NULL,
    last_activity     BIGINT NOT NULL,
    PRIMARY KEY (channel, address)
);

-- Every message a provider delivered, by its provider id: a retry finds its row and gets the same reply.
CREATE TABLE inbound_message (
    channel     TEXT NOT NULL,
    provider_id TEXT NOT NULL,
    address     TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    reply       TEXT NOT NULL,
    reply_end   INTEGER NOT NULL,
    PRIMARY KEY (channel, provider_id)
);

CREATE TABLE transcript (
    channel   TEXT NOT NULL,
    address   TEXT NOT NULL,
    seq       BIGINT NOT NULL,
    at        BIGINT NOT NULL,
    direction TEXT NOT NULL,
    author    TEXT NOT NULL,
    body      TEXT NOT NULL,
    PRIMARY KEY (channel, address, seq)
);
