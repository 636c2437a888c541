package id.kanal.services.complaints;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Gsm7;
import id.kanal.dialog.Language;
import id.kanal.dialog.Texts;
import id.kanal.dialog.port.Category;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.OutboundMessage;
import id.kanal.services.feedback.SqlResidentQuestions;
import id.kanal.store.Outbox;
import id.kanal.store.Residents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a resident of a status change through the outbox, inside the caller's transaction, so a
 * notification exists exactly when the change committed. The resident's own channel is used:
 * SMS and USSD reporters get an SMS (GSM-7, at most two segments); WhatsApp inside the 24-hour
 * window gets free text, outside it the configured template or else an SMS; Telegram gets text.
 * A resident who sent STOP (on any of their linked channels) gets nothing; reporters without a
 * channel (Open311 without a phone) neither. A resolution asks "was it fixed? 1 / 2" (recorded
 * by {@link SqlResidentQuestions}, once per resolution) wherever the message carries the question.
 */
final class StatusNotifier {
    private static final System.Logger LOG = System.getLogger(StatusNotifier.class.getName());
    static final String KIND = "status-change";
    /** WhatsApp lets a business send free-form messages only this long after the resident's last message. */
    private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Texts texts;
    private final NotificationSettings settings;

    StatusNotifier(Texts texts, NotificationSettings settings) {
        this.texts = texts;
        this.settings = settings;
    }

    /** One recipient: a complaint's ticket and its reporter as stored (channel id and address). */
    record Recipient(String ticket, String channel, String address) {
    }

    /** Enqueues the notification for one recipient; returns false when nothing was sent (opted out, no channel). */
    boolean notify(Connection c, Recipient r, Category category, ComplaintStatus from, ComplaintStatus to,
                   String note, Instant now) throws SQLException {
        Optional<Channel> channel = channelOf(r.channel());
        if (channel.isEmpty()) {
            return false;
        }
        String number = r.address().startsWith("whatsapp:") ? r.address().substring(9) : r.address();
        if (optedOut(c, channel.get(), number)) {
            LOG.log(System.Logger.Level.INFO, "status notification skipped reason=opted-out ticket={0} to={1}",
                    r.ticket(), new Address(channel.get(), number));
            return false;
        }
        Language lang = language(c, r.channel(), r.address());
        String text = text(lang, r.ticket(), category, from, to, note);
        OutboundMessage m = switch (channel.get()) {
            case SMS, USSD -> sms(number, text);
            case TELEGRAM -> new OutboundMessage(new Address(Channel.TELEGRAM, number), text, KIND,
                    OutboundMessage.BULK, Optional.empty());
            case WHATSAPP -> whatsApp(c, number, text, lang, r.ticket(), category, to, now);
        };
        Outbox.enqueue(c, m, now);
        if (to == ComplaintStatus.RESOLVED && carriesQuestion(m)) {
            // "Was it fixed?": the answer ("1"/"2" on any of the resident's channels) finds this row.
            SqlResidentQuestions.askFixed(c, personKey(channel.get(), number), r.ticket(), r.channel(), r.address(), now);
        }
        LOG.log(System.Logger.Level.DEBUG, "status notification ticket={0} to={1} text={2}", r.ticket(), m.to(), m.body());
        return true;
    }

    /**
     * Whether the person sent STOP on any channel: a Telegram chat linked to a phone number (the
     * resident shared their contact) is the same person as that number's SMS, USSD and WhatsApp.
     */
    private static boolean optedOut(Connection c, Channel channel, String number) throws SQLException {
        return Residents.isPersonOptedOut(c, personKey(channel, number));
    }

    /** The resident table's key of a reporter: the number, or {@code telegram:<chat id>}. */
    private static String personKey(Channel channel, String number) {
        return channel == Channel.TELEGRAM ? "telegram:" + number : number;
    }

    /** Whether the resident reads the question: the status template outside WhatsApp's window does not carry it. */
    private boolean carriesQuestion(OutboundMessage m) {
        return m.template().isEmpty() || settings.whatsAppFeedbackTemplateSid()
                .map(sid -> m.template().get().startsWith(sid + " ")).orElse(false);
    }

    private OutboundMessage whatsApp(Connection c, String number, String text, Language lang, String ticket,
                                     Category category, ComplaintStatus to, Instant now) throws SQLException {
        Optional<Instant> last = Residents.whatsAppLastInbound(c, number);
        if (last.isPresent() && !now.isAfter(last.get().plus(WHATSAPP_WINDOW))) {
            return new OutboundMessage(new Address(Channel.WHATSAPP, number), text, KIND, OutboundMessage.BULK,
                    Optional.empty());
        }
        if (to == ComplaintStatus.RESOLVED && settings.whatsAppFeedbackTemplateSid().isPresent()) {
            // The resolution with "was it fixed? 1 / 2": variables 1 = ticket, 2 = category.
            ObjectNode variables = JSON.createObjectNode();
            variables.put("1", ticket);
            variables.put("2", category.name(lang));
            return new OutboundMessage(new Address(Channel.WHATSAPP, number), text, KIND, OutboundMessage.BULK,
                    Optional.of(settings.whatsAppFeedbackTemplateSid().get() + " " + variables));
        }
        if (settings.whatsAppStatusTemplateSid().isPresent()) {
            // The form the Twilio sender reads: the ContentSid, a space, the ContentVariables JSON.
            ObjectNode variables = JSON.createObjectNode();
            variables.put("1", ticket);
            variables.put("2", texts.get(lang, "status." + to.name()));
            return new OutboundMessage(new Address(Channel.WHATSAPP, number), text, KIND, OutboundMessage.BULK,
                    Optional.of(settings.whatsAppStatusTemplateSid().get() + " " + variables));
        }
        // Outside the window WhatsApp refuses free text (Twilio error 63016): an SMS still arrives.
        return sms(number, text);
    }

    private static OutboundMessage sms(String number, String text) {
        String body = Gsm7.clip(Gsm7.sanitize(text), Gsm7.TWO_SEGMENTS);
        return new OutboundMessage(new Address(Channel.SMS, number), body, KIND, OutboundMessage.BULK, Optional.empty());
    }

    String text(Language lang, String ticket, Category category, ComplaintStatus from, ComplaintStatus to, String note) {
        Map<String, String> values = new HashMap<>();
        values.put("ticket", ticket);
        values.put("category", category.name(lang));
        values.put("agency", category.agencyName());
        String key = from == ComplaintStatus.RESOLVED && to == ComplaintStatus.IN_PROGRESS ? "notify.REOPENED"
                : "notify." + to.name();
        StringBuilder out = new StringBuilder(texts.get(lang, key, values));
        if (!note.isBlank()) {
            // The note is staff's free text, not a placeholder: a bundle text must fit two segments alone.
            out.append(texts.get(lang, to == ComplaintStatus.REJECTED ? "notify.reason" : "notify.note"))
                    .append(' ').append(note.strip());
        }
        if (to == ComplaintStatus.RESOLVED) {
            // Answered "2" reopens it under the reopening rule (see SqlResidentQuestions).
            out.append(texts.get(lang, "notify.fixed.question"));
        }
        return out.toString();
    }

    private static Optional<Channel> channelOf(String id) {
        try {
            return Optional.of(Channel.of(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The language of the resident's conversation on the channel they reported on; Indonesian by default. */
    static Language language(Connection c, String channel, String address) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT language FROM conversation WHERE channel = ? AND address = ?")) {
            ps.setString(1, channel);
            ps.setString(2, address);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getString(1) != null) {
                    try {
                        return Language.of(rs.getString(1));
                    } catch (IllegalArgumentException e) {
                        return Language.ID;
                    }
                }
            }
        }
        return Language.ID;
    }
}
