-- USSD gateway sessions (the adapter takes only the new input from the cumulative text, pages
-- long replies and offers to resume a dropped session), and one Telegram chat per resident.

CREATE TABLE ussd_session (
    session_id     TEXT PRIMARY KEY,
    phone          TEXT NOT NULL,
    input_text     TEXT NOT NULL,
    screen         TEXT NOT NULL,
    screen_ends    INTEGER NOT NULL,
    page           INTEGER NOT NULL,
    resume_pending INTEGER NOT NULL,
    updated_at     BIGINT NOT NULL
);
CREATE INDEX ussd_session_phone ON ussd_session (phone, updated_at);

-- A chat belongs to one number: linking it to another number moves it (NULLs are not compared).
CREATE UNIQUE INDEX resident_telegram_chat ON resident (telegram_chat_id);
