-- SMPP: the parts of a resident's concatenated SMS, held durably before each part's
-- deliver_sm_resp (an SMSC never sends an acknowledged part again), until the message is whole
-- or its reassembly wait runs out, across restarts. The turn that takes a message deletes its
-- parts in the transaction that marks it answered. A part delivered again (same key) is held once.
CREATE TABLE smpp_part (
    link        TEXT NOT NULL,
    source      TEXT NOT NULL,
    ref         INTEGER NOT NULL,
    total       INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    dest        TEXT NOT NULL,
    text        TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    PRIMARY KEY (link, source, ref, total, seq)
);
