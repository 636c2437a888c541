-- The identity a message must be sent from (the short code or number the resident wrote to), when
-- it must be that one: an SMPP reply leaves from the region's short code the resident texted, not
-- from the link's own source address. NULL: the channel's choice, as before.
ALTER TABLE outbox ADD COLUMN sender TEXT;
