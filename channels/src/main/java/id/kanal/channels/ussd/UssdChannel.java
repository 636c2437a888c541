package id.kanal.channels.ussd;

import id.kanal.channels.ChannelContext;
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
 * <p>Always active (the allow-list defaults to loopback, so a local gateway works unconfigured).
 * Needs the {@link UssdSessions} port, and uses {@link QueuedReceipts} when app provides it.
 */
public final class UssdChannel implements KanalChannel {
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
        return Optional.of(new UssdChannel(config, new UssdService(config, context.handler(), context.conversations(),
                context.port(UssdSessions.class), context.outbox(),
                context.optionalPort(QueuedReceipts.class).orElse(QueuedReceipts.none()), context.clock())));
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
        return ChannelHealth.up(Map.of("allowed-networks", String.valueOf(config.allowed().size()),
                "key", config.secret().isPresent() ? "required" : "not required"));
    }
}
