package id.kanal.channels.smpp;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.Masking;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.Reply;
import id.kanal.dialog.port.OutboundMessage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Runs a resident's SMS (whole, after reassembly) through the dialog and queues the reply.
 *
 * <p><b>Once only.</b> SMPP gives a resident's message no id, and an SMSC delivers a
 * {@code deliver_sm} again when its {@code deliver_sm_resp} did not arrive (Kanal crashed or
 * the link dropped mid-turn). The content key is a SHA-256 of the link's name, the source
 * and destination addresses, the text, and the concatenation reference and part count; the
 * {@link SmppLedger} gives a message with that key the id of the earlier one while that one
 * is unanswered and at most {@code dedupeWindow} old, so the dialog's inbound record answers it
 * with the first reply and runs no second turn, and the reply is queued once. A message
 * answered before is a new message even with the same text: the resident sent "1" again.
 */
final class SmsTurns {
    private static final System.Logger LOG = System.getLogger(SmsTurns.class.getName());

    private final InboundHandler handler;
    private final SmppLedger ledger;
    private final Duration dedupeWindow;
    private final Clock clock;

    SmsTurns(InboundHandler handler, SmppLedger ledger, Duration dedupeWindow, Clock clock) {
        this.handler = handler;
        this.ledger = ledger;
        this.dedupeWindow = dedupeWindow;
        this.clock = clock;
    }

    /** Runs the turn and queues its reply (and forgets the parts it was assembled from); all committed when it returns. */
    void run(String link, Reassembler.Assembled m) {
        String phone = phone(m.source());
        Instant now = clock.instant();
        String id = ledger.inbound(contentKey(link, m), now, dedupeWindow);
        Address resident = new Address(Channel.SMS, phone);
        LOG.log(System.Logger.Level.DEBUG, "inbound channel=sms link={0} id={1} text={2}", link, id, m.text());
        Reply reply = handler.handle(InboundMessage.text(id, resident, m.text(), now).arrivedOn(m.dest()));
        Optional<OutboundMessage> out = reply.isSilent() ? Optional.empty()
                // From the short code or number the resident texted: their next message reaches the same region.
                : Optional.of(new OutboundMessage(resident, reply.text(), "reply", OutboundMessage.REPLY, Optional.empty())
                        .sentFrom(m.dest()));
        Optional<SmppLedger.PartsKey> parts = m.concat().filter(c -> c.total() > 1)
                .map(c -> new SmppLedger.PartsKey(link, m.source(), c.ref(), c.total()));
        boolean queued = ledger.answered(id, out, parts, clock.instant());
        LOG.log(System.Logger.Level.INFO, "turn channel=sms link={0} from={1} id={2} reply={3}", link,
                Masking.mask(phone), id, queued ? "queued" : reply.isSilent() ? "silent" : "queued-before");
    }

    /** The resident's number in E.164; SMSCs send international numbers without the {@code +}. */
    static String phone(String source) {
        return PhoneNumbers.normalise(source).or(() -> PhoneNumbers.normalise("+" + source))
                .orElseThrow(() -> new MalformedPduException("source_addr is not a phone number"));
    }

    static String contentKey(String link, Reassembler.Assembled m) {
        String concat = m.concat().map(c -> c.ref() + "/" + c.total()).orElse("-");
        String material = String.join("\n", link, m.source(), m.dest(), concat, m.text());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
