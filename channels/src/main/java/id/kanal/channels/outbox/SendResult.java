package id.kanal.channels.outbox;

import id.kanal.dialog.Masking;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a provider answered one send. Error texts are kept in the outbox row and logged, so every
 * phone number in them is masked here, where they are made (Twilio's errors quote the full number).
 */
public sealed interface SendResult {
    /** Accepted; {@code providerId} is e.g. Twilio's MessageSid or Telegram's message_id. */
    record Sent(String providerId) implements SendResult {
        public Sent {
            Objects.requireNonNull(providerId, "providerId");
        }
    }

    /** Try again later (5xx, timeout, 429): after {@code retryAfter} when the provider said so. */
    record RetryLater(String error, Optional<Duration> retryAfter) implements SendResult {
        public RetryLater {
            error = Masking.maskNumbersIn(Objects.requireNonNull(error, "error"));
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * Will never succeed (other 4xx); {@code residentOptedOut} when the provider says the
     * resident blocked us (Twilio 21610, Telegram 403 "bot was blocked").
     */
    record Failed(String error, boolean residentOptedOut) implements SendResult {
        public Failed {
            error = Masking.maskNumbersIn(Objects.requireNonNull(error, "error"));
        }
    }
}
