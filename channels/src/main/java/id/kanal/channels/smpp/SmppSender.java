package id.kanal.channels.smpp;

import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.SendResult;
import id.kanal.channels.outbox.SenderIdentities;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Masking;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the outbox's SMS over SMPP: {@code submit_sm} on a bound link (round robin), GSM-7 or
 * UCS-2, one part per segment with a concatenation UDH, a delivery receipt requested for each.
 * The SMSC's id (prefixed with the link's name) becomes the outbox row's provider id, so a
 * single part's receipt finds its row directly; a message in several parts is the first part's
 * id with {@code +parts}, and every part's id goes to the {@link SmppLedger}.
 *
 * <p>{@code ESME_RTHROTTLED} and {@code ESME_RMSGQFUL} before any part went are retried by the
 * outbox with backoff; a later part refused that way is retried here a few times, since
 * sending the message again would repeat the parts already accepted. Other refusals (such as
 * an invalid destination) fail the row with the status named.
 */
public final class SmppSender implements ChannelSender {
    private static final System.Logger LOG = System.getLogger(SmppSender.class.getName());
    private static final Duration NO_LINK_RETRY = Duration.ofSeconds(5);
    private static final Duration THROTTLE_RETRY = Duration.ofSeconds(1);
    private static final int PART_ATTEMPTS = 4;

    private final List<SmppLink> links;
    private final SmppLedger ledger;
    private final Clock clock;
    private final AtomicInteger next = new AtomicInteger();
    private final SenderIdentities identities;

    SmppSender(List<SmppLink> links, SmppLedger ledger, Clock clock) {
        this(links, ledger, clock, SenderIdentities.none());
    }

    /** @param identities the numbers and short codes regions send from (a region without one: the link's source address) */
    SmppSender(List<SmppLink> links, SmppLedger ledger, Clock clock, SenderIdentities identities) {
        this.identities = identities;
        this.links = List.copyOf(links);
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Set<Channel> channels() {
        // A USSD resident is texted on the same number (a receipt, an agent's answer).
        return Set.of(Channel.SMS, Channel.USSD);
    }

    @Override
    public SendResult send(Address to, String body, Optional<String> template) {
        return send(to, body, template, Optional.empty(), Optional.empty());
    }

    @Override
    public SendResult send(Address to, String body, Optional<String> template, Optional<String> region) {
        return send(to, body, template, region, Optional.empty());
    }

    /**
     * Sends from the identity the message names (the short code the resident texted, for a reply),
     * else from the region's own (its file's first {@code sms} identity), else from the link's source
     * address: a resident who texted a region's short code hears back from it, and their answer
     * reaches that region again.
     */
    @Override
    public SendResult send(Address to, String body, Optional<String> template, Optional<String> region,
                           Optional<String> from) {
        Optional<String> source = from.or(() -> region.flatMap(r -> identities.from(r, Channel.SMS)));
        Optional<SmppLink> link = pick();
        if (link.isEmpty()) {
            return new SendResult.RetryLater("no SMSC link bound", Optional.of(NO_LINK_RETRY));
        }
        SmppLink l = link.get();
        SmppText.Encoded e = SmppText.encode(body, l.config().packed(), ThreadLocalRandom.current().nextInt(256));
        List<String> ids = new ArrayList<>();
        for (byte[] part : e.parts()) {
            try {
                ids.add(submitPart(l, source, to, e, part, ids.isEmpty()));
            } catch (SmppLink.Refused r) {
                return refused(to, r, ids, e.parts().size(), l);
            } catch (SmppLink.Unavailable u) {
                if (ids.isEmpty()) {
                    return new SendResult.RetryLater(u.getMessage(), Optional.empty());
                }
                return partial(to, l, ids, e.parts().size(), u.getMessage());
            }
        }
        if (ids.size() == 1) {
            // One part needs no bookkeeping: its receipt's id is the row's provider id.
            return new SendResult.Sent(l.config().name() + ":" + ids.get(0));
        }
        // Several parts: "+n" keeps a part's receipt from ever matching the row by its first id.
        String providerId = l.config().name() + ":" + ids.get(0) + "+" + ids.size();
        ledger.segmentsSent(providerId, ids.stream().map(id -> l.config().name() + ":" + id).toList(), clock.instant());
        return new SendResult.Sent(providerId);
    }

    private String submitPart(SmppLink l, Optional<String> source, Address to, SmppText.Encoded e, byte[] part,
                              boolean first) throws SmppLink.Refused, SmppLink.Unavailable {
        int esm = e.concatenated() ? 0x40 : 0;
        for (int attempt = 1; ; attempt++) {
            try {
                return l.submit(source, to.value(), esm, e.dataCoding(), part, true);
            } catch (SmppLink.Refused r) {
                if (first || !SmppStatus.retryable(r.status) || attempt >= PART_ATTEMPTS) {
                    throw r;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(THROTTLE_RETRY.toNanos() / 4 * attempt);
            }
        }
    }

    private SendResult refused(Address to, SmppLink.Refused r, List<String> ids, int parts, SmppLink l) {
        if (!ids.isEmpty()) {
            return partial(to, l, ids, parts, r.getMessage());
        }
        if (SmppStatus.retryable(r.status)) {
            return new SendResult.RetryLater(r.getMessage(), Optional.of(THROTTLE_RETRY));
        }
        return new SendResult.Failed(r.getMessage(), false);
    }

    /** Some parts went: resending would repeat them, so the row fails with what happened. */
    private SendResult partial(Address to, SmppLink l, List<String> ids, int parts, String why) {
        ledger.segmentsSent(l.config().name() + ":" + ids.get(0) + "+" + parts, ids.stream().map(id -> l.config().name() + ":" + id).toList(),
                clock.instant());
        LOG.log(System.Logger.Level.WARNING, "partly sent link={0} to={1}: {2} of {3} parts, then {4}",
                l.config().name(), Masking.mask(to.value()), ids.size(), parts, why);
        return new SendResult.Failed("sent " + ids.size() + " of " + parts + " parts, then " + why, false);
    }

    private Optional<SmppLink> pick() {
        int n = links.size();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            SmppLink l = links.get((start + i) % n);
            if (l.state() == SmppLink.State.BOUND) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
