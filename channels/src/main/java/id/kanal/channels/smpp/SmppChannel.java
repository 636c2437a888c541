package id.kanal.channels.smpp;

import id.kanal.channels.ussd.UssdFlow;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.port.OutboxQueue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The SMPP channel: Kanal as the ESME on every configured SMSC link. Residents' SMS and USSD
 * come in as {@code deliver_sm}; replies leave through the outbox and {@link #sender()};
 * receipts update the outbox rows; {@link #health()} says how each link stands.
 */
public final class SmppChannel implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SmppChannel.class.getName());

    private final SmppConfig config;
    private final List<SmppLink> links = new ArrayList<>();
    /** Per link, so parts from two SMSCs never mix and a late message keeps its link's name. */
    private final Map<String, Reassembler> reassemblers = new LinkedHashMap<>();
    private final SmsTurns turns;
    private final SmppReceipts receipts;
    private final SmppSender sender;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("smpp-reassembly").factory());

    /**
     * @param ledger  inbound ids, queued replies and parts' ids, durable
     * @param outbox  receipts update its rows
     * @param ussd    the USSD flow, when USSD comes over SMPP
     */
    public SmppChannel(SmppConfig config, InboundHandler handler, SmppLedger ledger, OutboxQueue outbox,
                       Optional<UssdFlow> ussd, Clock clock) {
        this.config = config;
        this.turns = new SmsTurns(handler, ledger, config.dedupeWindow(), clock);
        this.receipts = new SmppReceipts(ledger, outbox, clock);
        Optional<SmppUssd> smppUssd = ussd.map(f -> new SmppUssd(f, clock));
        for (SmppConnection c : config.connections()) {
            Reassembler reassembler = new Reassembler(config.reassemblyWait(), clock);
            reassemblers.put(c.name(), reassembler);
            SmppLink[] self = new SmppLink[1];
            self[0] = new SmppLink(c, new DeliverSmListener(c, reassembler, turns, receipts, smppUssd, () -> self[0]));
            links.add(self[0]);
        }
        this.sender = new SmppSender(links, ledger, clock);
    }

    /** Binds every link (in the background: a link that cannot bind keeps trying) and starts the reassembly timer. */
    public void start() {
        if (!config.enabled()) {
            LOG.log(System.Logger.Level.INFO, "SMPP off: set KANAL_SMPP_HOST, KANAL_SMPP_SYSTEM_ID, KANAL_SMPP_PASSWORD "
                    + "and KANAL_SMPP_SOURCE_ADDR, or kanal.smpp.connections");
            return;
        }
        links.forEach(SmppLink::start);
        long every = Math.max(100, Math.min(1000, config.reassemblyWait().toMillis() / 4));
        ticker.scheduleWithFixedDelay(this::handOnIncomplete, every, every, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "SMPP on: {0}", config.connections());
    }

    /** Turns for messages whose missing parts never came. */
    void handOnIncomplete() {
        reassemblers.forEach((link, reassembler) -> {
            for (Reassembler.Assembled a : reassembler.expired()) {
                try {
                    turns.run(link, a);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "incomplete message not handled link=" + link, e);
                }
            }
        });
    }

    /** Sends the outbox's SMS over the bound links. */
    public SmppSender sender() {
        return sender;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Each link by name: {@code bound}, {@code reconnecting} or {@code down}. */
    public Map<String, String> health() {
        Map<String, String> out = new LinkedHashMap<>();
        for (SmppLink l : links) {
            out.put(l.config().name(), l.state().name().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        links.forEach(SmppLink::close);
        receipts.close();
    }
}
