-- Several nodes on one database.
-- A job that must run on one node at a time (Telegram long polling, the Open311 poller) runs on the
-- node holding its lease; the holder renews it, and another node takes it once it expires.
CREATE TABLE lease (
    name       TEXT PRIMARY KEY,
    holder     TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);

-- The console's login throttle, per (account, client address) pair, shared by every node.
CREATE TABLE login_throttle (
    pair_key   TEXT PRIMARY KEY,
    failures   INTEGER NOT NULL,
    not_before BIGINT NOT NULL,
    last_try   BIGINT NOT NULL
);
CREATE INDEX login_throttle_last_try ON login_throttle (last_try);

-- The outbox's send rates (per channel and per recipient), shared by every node: each key's
-- theoretical arrival time in nanoseconds since the epoch (the generic cell rate algorithm).
CREATE TABLE send_rate (
    rate_key TEXT PRIMARY KEY,
    tat      BIGINT NOT NULL
);
