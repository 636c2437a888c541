-- A USSD turn slower than the gateway's deadline is answered END and finishes in the background:
-- its message is held here before the END goes out, and dropped in the transaction that queues
-- its late reply. What a crash leaves here is run again at the next start.
CREATE TABLE ussd_pending_turn (
    provider_id TEXT PRIMARY KEY,
    phone       TEXT NOT NULL,
    input_text  TEXT NOT NULL,
    received_at BIGINT NOT NULL
);
