package id.kanal.channels.smpp;

import java.util.Objects;
import java.util.Optional;

/** What one {@code deliver_sm} carries, read into Kanal's terms. Never leaves the package. */
sealed interface SmppInbound {
    /**
     * A resident's text, or one part of a longer one.
     *
     * @param source the resident's address as the SMSC sent it
     * @param dest   the short code or number they texted
     */
    record Part(String source, String dest, String text, Optional<Concat> concat) implements SmppInbound {
        public Part {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(concat, "concat");
        }
    }

    /**
     * A delivery receipt for a message Kanal submitted.
     *
     * @param messageId the SMSC's id from the {@code submit_sm_resp}
     * @param outcome   delivered, failed (with {@code stat}/{@code error}) or still on the way
     * @param stat      the state as the SMSC named it ({@code DELIVRD}, {@code UNDELIV}, ...)
     */
    record Receipt(String messageId, Outcome outcome, String stat, Optional<String> error) implements SmppInbound {
        enum Outcome { DELIVERED, FAILED, PENDING }

        public Receipt {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * A USSD step from an operator's gateway.
     *
     * @param op          {@code ussd_service_op}: 1 PSSR indication (the dialled string), 18 USSR
     *                    confirm (the resident's answer), other values are gateway notifications
     * @param sessionInfo {@code its_session_info}, echoed on every answer
     * @param userRef     {@code user_message_reference}, echoed when present
     */
    record Ussd(String source, String dest, int op, String text, Optional<Integer> sessionInfo,
                Optional<Integer> userRef) implements SmppInbound {
        static final int PSSR_INDICATION = 1;
        static final int USSR_REQUEST = 2;
        static final int PSSR_RESPONSE = 17;
        static final int USSR_CONFIRM = 18;

        public Ussd {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(text, "text");
        }
    }
}
