-- Issue 17 (console language and a busy shift). Portable SQL (SQLite and PostgreSQL).

-- The console's language per account: 'id' (Bahasa Indonesia, the default) or 'en'.
ALTER TABLE console_account ADD COLUMN language TEXT NOT NULL DEFAULT 'id';

-- A canned reply is picked with a few keystrokes ("/" and its shortcut) and written in both
-- languages: body is the Indonesian text, body_en the English one (NULL: the Indonesian text is sent).
ALTER TABLE canned_reply ADD COLUMN shortcut TEXT;
ALTER TABLE canned_reply ADD COLUMN body_en TEXT;
