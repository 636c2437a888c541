-- Handoff columns, derived from the conversation's state at every save, so the console's queue
-- is a plain indexed query: who waits for an agent, since when, why, and who owns what.
ALTER TABLE conversation ADD COLUMN mode TEXT NOT NULL DEFAULT 'bot';
ALTER TABLE conversation ADD COLUMN agent TEXT;
ALTER TABLE conversation ADD COLUMN queued_at BIGINT;
ALTER TABLE conversation ADD COLUMN queue_reason TEXT;
CREATE INDEX conversation_mode ON conversation (mode, queued_at);
