package id.kanal.channels.ussd;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.RegionResidents;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.KanalChannel;
import io.helidon.webserver.http.HttpRules;

import java.util.Map;
import java.util.Optional;

/**
 * USSD through a gateway in Africa's Talking's format ({@code /channels/ussd}). It sends nothing
 * itself: a late reply or a receipt is an outbox row for the USSD address, which the SMS sender
 * delivers to the same number.
 *
 * <p>Always active; its route answers 503 until a shared secret or an allow-list names the gateway.
 * Needs the {@link UssdSessions} port, and uses {@link QueuedReceipts} when app provides it.
 */
public final class UssdChannel implements KanalChannel {
    private static final System.Logger LOG = System.getLogger(UssdChannel.class.getName());
    /** The registration: settings from {@code kanal.ussd}. */
    public static final ChannelType<UssdConfig> TYPE =
            ChannelType.of("ussd", kanal -> UssdConfig.create(kanal.get("ussd")), UssdChannel::create);

    private final UssdConfig config;
    private final UssdService service;

    private UssdChannel(UssdConfig config, UssdService service) {
        this.config = config;
        this.service = service;
    }

    static Optional<KanalChannel> create(UssdConfig config, ChannelContext context) {
        if (!config.enabled()) {
            LOG.log(System.Logger.Level.INFO, "USSD off (its route answers 503) until KANAL_USSD_SECRET or "
                    + "KANAL_USSD_ALLOWED_IPS names the gateway");
        }
        PendingUssdTurns pending = context.optionalPort(PendingUssdTurns.class)
                .orElseGet(() -> PendingUssdTurns.inMemory(context.outbox()));
        return Optional.of(new UssdChannel(config, new UssdService(config, context.handler(), context.conversations(),
                context.port(UssdSessions.class), pending,
                context.optionalPort(QueuedReceipts.class).orElse(QueuedReceipts.none()), context.clock(),
                UssdResidents.of(context.optionalPort(RegionResidents.class).orElseGet(RegionResidents::oneRegion)))));
    }

    /** Runs the turns a stop cut short, ahead of their residents' next ones: call before the routes answer. */
    @Override
    public void start() {
        int resumed = service.resumeUnfinished();
        if (resumed > 0) {
            LOG.log(System.Logger.Level.INFO, "USSD turns left unfinished by the last stop resumed count={0}", resumed);
        }
    }

    @Override
    public String name() {
        return TYPE.name();
    }

    @Override
    public void routing(HttpRules rules) {
        service.routing(rules);
    }

    @Override
    public ChannelHealth health() {
        if (!config.enabled()) {
            return ChannelHealth.up(Map.of("state", "off until KANAL_USSD_SECRET or KANAL_USSD_ALLOWED_IPS is set"));
        }
        return ChannelHealth.up(Map.of("allowed-networks", String.valueOf(config.allowed().size()),
                "key", config.secret().isPresent() ? "required" : "not required"));
    }
}
