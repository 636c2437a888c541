-- SMPP: which inbound message a deliver_sm is (SMPP gives a resident's message no id), whether
-- its reply was queued, and the SMSC ids of the parts of each message Kanal submitted.

-- One row per resident message received over SMPP. A deliver_sm with the same content key
-- while the earlier one is unanswered (no deliver_sm_resp went back) is the same message again.
CREATE TABLE smpp_inbound (
    provider_id TEXT PRIMARY KEY,
    content_key TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    answered    INTEGER NOT NULL
);
CREATE INDEX smpp_inbound_content ON smpp_inbound (content_key, received_at);

-- The parts of one submitted message (provider_id is the outbox row's), each with its receipt.
CREATE TABLE smpp_segment (
    segment_id  TEXT PRIMARY KEY,
    provider_id TEXT NOT NULL,
    state       TEXT NOT NULL,
    error       TEXT,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX smpp_segment_provider ON smpp_segment (provider_id);
