package id.kanal.app;

import id.kanal.channels.ChannelContext;
import id.kanal.channels.ChannelHealth;
import id.kanal.channels.ChannelType;
import id.kanal.channels.KanalChannel;
import id.kanal.channels.outbox.ChannelSender;
import id.kanal.channels.outbox.RateLimit;
import id.kanal.dialog.Channel;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.health.HealthObserverConfig;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels that configuration activates, made from the {@link ChannelRegistry} table: their
 * routes under {@code /channels}, their senders and limits for the outbox, a health check each,
 * and their start and stop.
 */
final class Channels implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Channels.class.getName());
    /** Where every channel's webhooks are mounted. */
    static final String ROOT = "/channels";

    private final List<KanalChannel> active;
    /** Who sends each {@link Channel} the outbox may hold. */
    private final Map<Channel, KanalChannel> carriers;

    private Channels(List<KanalChannel> active) {
        this.active = List.copyOf(active);
        this.carriers = carriers(this.active);
    }

    /**
     * One sender per {@link Channel}: where two active channels could send it, the one that
     * {@link KanalChannel#carries() carries} it wins (SMPP over Twilio for SMS, unless
     * {@code KANAL_SMS_SENDER=twilio}); neither claiming it is a wiring mistake.
     */
    private static Map<Channel, KanalChannel> carriers(List<KanalChannel> active) {
        Map<Channel, KanalChannel> carriers = new EnumMap<>(Channel.class);
        for (KanalChannel c : active) {
            for (Channel channel : c.sender().map(ChannelSender::channels).orElse(java.util.Set.of())) {
                KanalChannel other = carriers.putIfAbsent(channel, c);
                if (other == null) {
                    continue;
                }
                boolean mine = c.carries().contains(channel);
                boolean theirs = other.carries().contains(channel);
                if (mine == theirs) {
                    throw new IllegalStateException("two senders for channel " + channel.id() + ": " + other.name()
                            + " and " + c.name() + " (KANAL_SMS_SENDER chooses for SMS)");
                }
                if (mine) {
                    carriers.put(channel, c);
                }
                LOG.log(System.Logger.Level.INFO, "channel={0} sent by {1}, not {2}", channel.id(),
                        carriers.get(channel).name(), mine ? other.name() : c.name());
            }
        }
        return carriers;
    }

    /** Makes every type's channel that its settings activate; closes the ones made if one fails. */
    static Channels create(List<ChannelType<?>> types, ChannelSettings settings, ChannelContext context) {
        List<KanalChannel> made = new ArrayList<>();
        try {
            for (ChannelType<?> type : types) {
                create(type, settings, context).ifPresent(made::add);
            }
        } catch (RuntimeException e) {
            new Channels(made).close();
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "channels {0}", states(made));
        return new Channels(made);
    }

    /**
     * What each channel made does, for the start log: {@code receiving=[twilio] sending=[twilio:sms,whatsapp]
     * off=[telegram, ussd]}. A channel without its credentials is made (its health says why it is off) but
     * neither receives nor sends: "active" would mislead. Read from its sender and its health details
     * (twilio's {@code webhooks}, telegram's {@code bot}, ussd's {@code state}); health is unchanged.
     */
    static String states(List<KanalChannel> made) {
        List<String> receiving = new ArrayList<>();
        List<String> sending = new ArrayList<>();
        List<String> off = new ArrayList<>();
        for (KanalChannel c : made) {
            Map<String, String> details = c.health().details();
            boolean receives = !(details.getOrDefault("webhooks", "").startsWith("off")
                    || details.getOrDefault("state", "").startsWith("off")
                    || "off".equals(details.get("bot")) && !details.containsKey("region-bots"));
            Optional<String> sends = c.sender().map(s -> s.channels().stream().map(Channel::id).sorted().toList())
                    .filter(ids -> !ids.isEmpty()).map(ids -> c.name() + ":" + String.join(",", ids));
            if (receives) {
                receiving.add(c.name());
            }
            sends.ifPresent(sending::add);
            if (!receives && sends.isEmpty()) {
                off.add(c.name());
            }
        }
        return "receiving=" + receiving + " sending=" + sending + " off=" + off;
    }

    private static <S> Optional<KanalChannel> create(ChannelType<S> type, ChannelSettings settings, ChannelContext context) {
        return type.create(settings.of(type), context);
    }

    List<KanalChannel> active() {
        return active;
    }

    /** Mounts every active channel's webhooks under {@link #ROOT}. */
    void routing(HttpRouting.Builder routing) {
        active.forEach(c -> routing.register(ROOT, c::routing));
    }

    /** Each active channel's sender, for the {@link Channel}s it carries only. */
    List<ChannelSender> senders() {
        List<ChannelSender> out = new ArrayList<>();
        for (KanalChannel c : active) {
            c.sender().ifPresent(sender -> {
                java.util.Set<Channel> mine = EnumSet.noneOf(Channel.class);
                sender.channels().stream().filter(ch -> carriers.get(ch) == c).forEach(mine::add);
                if (mine.equals(sender.channels())) {
                    out.add(sender);
                } else if (!mine.isEmpty()) {
                    out.add(only(sender, mine));
                }
            });
        }
        return out;
    }

    /** The sender, for some of its channels only. */
    private static ChannelSender only(ChannelSender sender, java.util.Set<Channel> channels) {
        java.util.Set<Channel> kept = java.util.Set.copyOf(channels);
        return new ChannelSender() {
            @Override
            public java.util.Set<Channel> channels() {
                return kept;
            }

            @Override
            public id.kanal.channels.outbox.SendResult send(id.kanal.dialog.Address to, String body,
                                                           Optional<String> template) {
                return sender.send(to, body, template);
            }

            // Each arity forwarded as it is: the region and the sender identity must reach the sender.
            @Override
            public id.kanal.channels.outbox.SendResult send(id.kanal.dialog.Address to, String body,
                                                           Optional<String> template, Optional<String> region) {
                return sender.send(to, body, template, region);
            }

            @Override
            public id.kanal.channels.outbox.SendResult send(id.kanal.dialog.Address to, String body,
                                                           Optional<String> template, Optional<String> region,
                                                           Optional<String> from) {
                return sender.send(to, body, template, region, from);
            }
        };
    }

    /** The media downloaders of the channels that can fetch what residents sent (photos). */
    List<id.kanal.dialog.port.MediaDownloader> mediaDownloaders() {
        return active.stream().flatMap(c -> c.mediaDownloader().stream()).toList();
    }

    /** Every channel's limits for what it carries; two channels limiting one {@link Channel} is a wiring mistake. */
    Map<Channel, RateLimit> limits() {
        Map<Channel, RateLimit> limits = new EnumMap<>(Channel.class);
        for (KanalChannel c : active) {
            c.limits().forEach((channel, limit) -> {
                KanalChannel carrier = carriers.get(channel);
                if (carrier != null && carrier != c) {
                    return; // another channel sends it: its own limits apply
                }
                if (limits.putIfAbsent(channel, limit) != null) {
                    throw new IllegalStateException("two channels limit " + channel.id() + ", the second is " + c.name());
                }
            });
        }
        return limits;
    }

    /** One readiness check per channel, named after it: DOWN is down, DEGRADED is up with its state shown. */
    void healthChecks(HealthObserverConfig.Builder health) {
        for (KanalChannel c : active) {
            health.addCheck(() -> response(c.health()), HealthCheckType.READINESS, c.name());
        }
    }

    private static HealthCheckResponse response(ChannelHealth health) {
        HealthCheckResponse.Builder b = HealthCheckResponse.builder()
                .status(health.state() == ChannelHealth.State.DOWN ? HealthCheckResponse.Status.DOWN
                        : HealthCheckResponse.Status.UP)
                .detail("state", health.state().name());
        health.details().forEach(b::detail);
        return b.build();
    }

    /** Starts each channel's background work (long polling, binds, held USSD turns), before the server answers. */
    void start() {
        active.forEach(KanalChannel::start);
    }

    /** Stops the channels in reverse order; one failing to stop does not keep the others running. */
    @Override
    public void close() {
        for (KanalChannel c : active.reversed()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "stopping channel=" + c.name() + " failed", e);
            }
        }
    }
}
