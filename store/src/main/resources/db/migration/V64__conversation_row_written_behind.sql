-- SQLite writes a bot-mode conversation's row behind its turns (issue 15): a turn's "in" line carries
-- the conversation's state after the turn, the row is written at most about once a second, and
-- line_seq says which line the row already includes. A load takes the newest line after line_seq that
-- carries a state, when there is one. PostgreSQL writes the row at every turn and leaves these null/0.
ALTER TABLE transcript ADD COLUMN state TEXT;
ALTER TABLE transcript ADD COLUMN misunderstandings INTEGER;
ALTER TABLE transcript ADD COLUMN last_activity BIGINT;
ALTER TABLE conversation ADD COLUMN line_seq BIGINT NOT NULL DEFAULT 0;
-- Every row already includes its transcript: a load then reads only the lines written after the upgrade.
UPDATE conversation SET line_seq = COALESCE((SELECT MAX(t.seq) FROM transcript t
    WHERE t.channel = conversation.channel AND t.address = conversation.address), 0);
