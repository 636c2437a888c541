-- The console's queue index holds only the conversations handed off to people (queued or with an
-- agent), the few among many: a turn that leaves its conversation with the bot, nearly every
-- turn, then writes nothing in it, where it rewrote the conversation's entry at every save.
-- Readers repeat the index's condition (mode <> 'bot') so that SQLite uses it: SQLite takes a
-- partial index only when the query's WHERE names the index's condition term for term.
DROP INDEX conversation_mode;
CREATE INDEX conversation_handed_off ON conversation (mode, queued_at) WHERE mode <> 'bot';
