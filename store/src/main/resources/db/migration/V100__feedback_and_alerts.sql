-- Closing the loop with residents (questions Kanal asks and their answers) and the alerts
-- residents ask for (subscriptions, price crossings, staff area alerts). Portable SQL
-- (SQLite and PostgreSQL): times are epoch milliseconds.

-- A question Kanal asked a resident and the answer, when one came.
--   kind 'fixed': "was it fixed?" after a resolution; subject = the ticket, occasion = the
--                 resolution's time (one question per resolution); answer 1 fixed, 2 not fixed.
--   kind 'agent': "how was the agent?" after a handback; subject = the agent's username,
--                 occasion = the handback's time; answer 1-5.
-- person is the resident key of the resident table (an E.164 number or 'telegram:<chat id>'),
-- so an answer on any of the resident's channels counts.
CREATE TABLE resident_question (
    id               TEXT PRIMARY KEY,
    person           TEXT NOT NULL,
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    occasion         BIGINT NOT NULL,
    reporter_channel TEXT NOT NULL,
    reporter_address TEXT NOT NULL,
    agency_code      TEXT,
    asked_at         BIGINT NOT NULL,
    answer           INTEGER,
    answered_at      BIGINT,
    UNIQUE (kind, subject, occasion, person)
);
CREATE INDEX resident_question_person ON resident_question (person, asked_at);
CREATE INDEX resident_question_answered ON resident_question (kind, answered_at);

-- What a resident asked to be told of: topic 'banjir' (area alerts; subject = a kelurahan)
-- or 'harga' (price moves; subject = a commodity). Alerts go to channel/address (USSD
-- subscribers are told by SMS). STOP removes every row of the person.
CREATE TABLE alert_subscription (
    person     TEXT NOT NULL,
    topic      TEXT NOT NULL,
    subject    TEXT NOT NULL,
    channel    TEXT NOT NULL,
    address    TEXT NOT NULL,
    language   TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (person, topic, subject)
);
CREATE INDEX alert_subscription_subject ON alert_subscription (topic, subject);

-- The region-wide price a commodity was last alerted at (or first seen at): an import that moves
-- the price further than the threshold from it alerts once and moves the mark.
CREATE TABLE price_alert_mark (
    commodity TEXT PRIMARY KEY,
    rupiah    BIGINT NOT NULL,
    day       TEXT NOT NULL,
    marked_at BIGINT NOT NULL
);

-- An area alert staff sent, with the estimate shown before sending; its messages are outbox rows.
CREATE TABLE area_alert (
    id             TEXT PRIMARY KEY,
    area_kind      TEXT NOT NULL,
    area_name      TEXT NOT NULL,
    body           TEXT NOT NULL,
    sent_by        TEXT NOT NULL,
    sent_at        BIGINT NOT NULL,
    recipients     INTEGER NOT NULL,
    sms_segments   INTEGER NOT NULL,
    estimated_cost BIGINT NOT NULL
);
CREATE TABLE area_alert_message (
    alert_id  TEXT NOT NULL REFERENCES area_alert (id),
    outbox_id TEXT NOT NULL,
    PRIMARY KEY (alert_id, outbox_id)
);
