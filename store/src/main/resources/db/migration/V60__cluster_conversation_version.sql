-- Several nodes on one PostgreSQL: a node's cached conversation is used only while its version
-- matches this column, which every save of the conversation increments (read under the
-- resident's turn lock, so no other node can change it meanwhile).
ALTER TABLE conversation ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
