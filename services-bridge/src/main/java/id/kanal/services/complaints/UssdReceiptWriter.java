package id.kanal.services.complaints;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.store.Outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS receipt of a complaint filed over USSD, queued inside the filing transaction: a USSD
 * screen vanishes when the session ends, so the ticket code must also arrive where the resident
 * can read it again, and a crash between filing and queueing must not lose it. It answers what
 * the resident just did, so it goes as a reply (ahead of bulk, and even after STOP).
 */
final class UssdReceiptWriter {
    static final String KIND = "ussd-receipt";

    private final Texts texts;

    UssdReceiptWriter(Texts texts) {
        this.texts = texts;
    }

    void enqueue(Connection c, String phone, String ticket, Category category, boolean duplicate, Instant now)
            throws SQLException {
        Language lang = StatusNotifier.language(c, Channel.USSD.id(), phone);
        String text = texts.get(lang, duplicate ? "notify.filed.duplicate" : "complaint.filed",
                Map.of("ticket", ticket, "agency", category.agencyName()));
        String body = Gsm7.clip(Gsm7.sanitize(text), Gsm7.TWO_SEGMENTS);
        Outbox.enqueue(c, new OutboundMessage(new Address(Channel.SMS, phone), body, KIND, OutboundMessage.REPLY,
                Optional.empty()), now);
    }
}
