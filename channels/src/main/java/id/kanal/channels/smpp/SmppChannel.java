package id.kanal.channels.smpp;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.RegionResidents;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.outbox.SenderIdentities;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.ussd.PendingUssdTurns;
import id.kanal.channels.ussd.QueuedReceipts;
import id.kanal.channels.ussd.UssdConfig;
import id.kanal.channels.ussd.UssdResidents;
import id.kanal.channels.ussd.UssdSessions;
import id.kanal.dialog.Channel;
import id.kanal.dialog.Texts;
import java.util.Set;

import id.kanal.channels.ussd.UssdFlow;
import id.kanal.channels.ussd.UssdServiceCodes;
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
public final class SmppChannel implements KanalChannel {
    /** The registration: settings from {@code kanal.smpp} (and its {@code KANAL_SMPP_*} variables). */
    public static final ChannelType<SmppConfig> TYPE =
            ChannelType.of("smpp", kanal -> SmppConfig.create(kanal.get("smpp")), SmppChannel::create);

    private static final System.Logger LOG = System.getLogger(SmppChannel.class.getName());

    private final SmppConfig config;
    private final List<SmppLink> links = new ArrayList<>();
    /** Per link, so parts from two SMSCs never mix and a late message keeps its link's name. */
    private final Map<String, Reassembler> reassemblers = new LinkedHashMap<>();
    private final SmsTurns turns;
    private final SmppReceipts receipts;
    private final SmppSender sender;
    private final java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("smpp-reassembly").factory());

    /**
     * @param ledger  inbound ids, queued replies and parts' ids, durable
     * @param outbox  receipts update its rows
     * @param ussd    the USSD flow, when USSD comes over SMPP
     */
    public SmppChannel(SmppConfig config, InboundHandler handler, SmppLedger ledger, OutboxQueue outbox,
                       Optional<UssdFlow> ussd, Clock clock) {
        this(config, handler, ledger, outbox, ussd, clock, SenderIdentities.none(), UssdServiceCodes.none());
    }

    /**
     * @param identities the short codes and numbers regions send from, when they are not the link's
     * @param ussdCodes  the regions' USSD codes, which tell a dialled code from the inputs after it
     */
    SmppChannel(SmppConfig config, InboundHandler handler, SmppLedger ledger, OutboxQueue outbox,
                Optional<UssdFlow> ussd, Clock clock, SenderIdentities identities, UssdServiceCodes ussdCodes) {
        this.config = config;
        this.turns = new SmsTurns(handler, ledger, config.dedupeWindow(), clock);
        this.receipts = new SmppReceipts(ledger, outbox, clock);
        Optional<SmppUssd> smppUssd = ussd.map(f -> new SmppUssd(f, clock, ussdCodes));
        for (SmppConnection c : config.connections()) {
            Reassembler reassembler = new Reassembler(c.name(), ledger, config.reassemblyWait(), clock);
            reassemblers.put(c.name(), reassembler);
            SmppLink[] self = new SmppLink[1];
            self[0] = new SmppLink(c, new DeliverSmListener(c, reassembler, turns, receipts, smppUssd, () -> self[0]));
            links.add(self[0]);
        }
        this.sender = new SmppSender(links, ledger, clock, identities);
    }

    /**
     * Made when a link is configured; otherwise off, said once. Needs the {@link SmppLedger} port; USSD over
     * SMPP runs the same {@link UssdFlow} as the gateway callback, with the USSD sessions and receipts ports.
     */
    static Optional<KanalChannel> create(SmppConfig config, ChannelContext context) {
        if (!config.enabled()) {
            LOG.log(System.Logger.Level.INFO, "SMPP off: set KANAL_SMPP_HOST, KANAL_SMPP_SYSTEM_ID, KANAL_SMPP_PASSWORD "
                    + "and KANAL_SMPP_SOURCE_ADDR, or kanal.smpp.connections");
            return Optional.empty();
        }
        UssdConfig ussdDefaults = UssdConfig.of(Optional.empty(), Optional.empty());
        UssdFlow ussd = new UssdFlow(ussdDefaults, context.handler(), context.conversations(),
                context.port(UssdSessions.class),
                context.optionalPort(PendingUssdTurns.class).orElseGet(() -> PendingUssdTurns.inMemory(context.outbox())),
                context.optionalPort(QueuedReceipts.class).orElse(QueuedReceipts.none()), Texts.builtIn(), context.clock(),
                UssdResidents.of(context.optionalPort(RegionResidents.class).orElseGet(RegionResidents::oneRegion)));
        return Optional.of(new SmppChannel(config, context.handler(), context.port(SmppLedger.class),
                context.outboxQueue(), Optional.of(ussd), context.clock(),
                context.optionalPort(SenderIdentities.class).orElseGet(SenderIdentities::none),
                context.optionalPort(UssdServiceCodes.class).orElseGet(UssdServiceCodes::none)));
    }

    @Override
    public String name() {
        return TYPE.name();
    }

    /** Binds every link (in the background: a link that cannot bind keeps trying) and starts the reassembly timer. */
    @Override
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return; // the links are up already
        }
        links.forEach(SmppLink::start);
        long every = Math.max(100, Math.min(1000, config.reassemblyWait().toMillis() / 4));
        ticker.scheduleWithFixedDelay(this::handOnIncomplete, every, every, TimeUnit.MILLISECONDS);
        LOG.log(System.Logger.Level.INFO, "SMPP on: {0}", config.connections());
    }

    /** Turns for messages whose missing parts never came (also parts a previous run held); a failed one is tried again next tick. */
    void handOnIncomplete() {
        reassemblers.forEach((link, reassembler) -> {
            try {
                reassembler.handOnExpired(a -> {
                    try {
                        turns.run(link, a);
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "incomplete message not handled link=" + link, e);
                    }
                });
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "held parts not read link=" + link, e);
            }
        });
    }

    /** Sends the outbox's SMS (and USSD rows, to the same number) over the bound links, unless {@code KANAL_SMS_SENDER=twilio}. */
    @Override
    public Optional<ChannelSender> sender() {
        return config.sendsSms() ? Optional.of(sender) : Optional.empty();
    }

    /** The SMS it sends are SMPP's to carry when another channel could send them too ({@code KANAL_SMS_SENDER}). */
    @Override
    public Set<Channel> carries() {
        return config.sendsSms() ? sender.channels() : Set.of();
    }

    /** The SMPP sender itself (tests and the benchmark drive it directly). */
    public SmppSender smppSender() {
        return sender;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Each link by name: {@code bound}, {@code reconnecting} or {@code down}. Never DOWN: an operator's
     * SMSC being away must not take the node out of the load balancer (its HTTP channels still work);
     * DEGRADED while any link is not bound.
     */
    @Override
    public ChannelHealth health() {
        Map<String, String> out = new LinkedHashMap<>();
        boolean allBound = true;
        for (SmppLink l : links) {
            String state = l.state().name().toLowerCase(Locale.ROOT);
            out.put(l.config().name(), state);
            allBound &= state.equals("bound");
        }
        return allBound ? ChannelHealth.up(out) : ChannelHealth.degraded(out);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        links.forEach(SmppLink::close);
        receipts.close();
    }
}
