-- Outbox delivery: claims with a lease (so two senders, or a sender restarted after a crash,
-- never hold one row at once), Twilio's delivery status, and the WhatsApp profile name.

-- The sender that holds a SENDING row (a random id) and until when; a row whose lease ran out
-- (its sender crashed mid-send) is claimed again.
ALTER TABLE outbox ADD COLUMN claim_id TEXT;
ALTER TABLE outbox ADD COLUMN claimed_until BIGINT;
-- How the message actually went out ('sms', 'whatsapp', 'whatsapp-template', 'sms-fallback', ...).
ALTER TABLE outbox ADD COLUMN sent_via TEXT;
-- The provider's delivery report (Twilio MessageStatus and ErrorCode), from status callbacks.
ALTER TABLE outbox ADD COLUMN delivery_status TEXT;
ALTER TABLE outbox ADD COLUMN delivery_error TEXT;
ALTER TABLE outbox ADD COLUMN delivery_updated_at BIGINT;

-- The name the resident shows on WhatsApp (Twilio's ProfileName), for the agent console.
ALTER TABLE resident ADD COLUMN whatsapp_profile_name TEXT;
