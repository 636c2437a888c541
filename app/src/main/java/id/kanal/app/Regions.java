package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.services.complaints.RegionDefinition;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The regions one deployment serves. The first is the default: it takes every message that
 * arrives on an identity no region claims, so a single-city deployment, the demo, the simulator
 * and {@code chat} need no identity configuration. Everything that must be unique across the
 * deployment is checked here, before anything is written: region codes, ticket prefixes (a
 * ticket names its region), agency and category codes (complaints and desks name them alone)
 * and identities (a message has one region).
 */
public final class Regions {
    private final List<Region> all;
    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<Identity, Region> byIdentity = new HashMap<>();
    /**
     * {@link #key} of the identities messages arrive on: a deployment's few numbers and codes, keyed
     * once rather than through a regex and a phone-number parse per message. Bounded, since the
     * identity comes from the provider's request.
     */
    private final Map<String, String> keys = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_KEYS = 1_024;

    private record Identity(Channel channel, String key) {
    }

    Regions(List<Region> regions) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a deployment needs at least one region");
        }
        this.all = List.copyOf(regions);
        Map<String, Region> prefixes = new HashMap<>();
        Map<String, Region> agencies = new HashMap<>();
        Map<String, Region> categories = new HashMap<>();
        for (Region r : all) {
            RegionDefinition d = r.definition();
            unique(byCode, d.code(), r, "region code");
            unique(prefixes, d.ticketPrefix(), r, "ticket prefix");
            d.agencies().forEach(a -> unique(agencies, a.code(), r, "agency code"));
            d.categories().forEach(k -> unique(categories, k.code(), r, "category code"));
            r.identities().forEach((channel, keys) -> keys.forEach(key ->
                    unique(byIdentity, new Identity(channel, key), r, channel.id() + " identity")));
        }
    }

    private static <K> void unique(Map<K, Region> seen, K key, Region region, String what) {
        Region earlier = seen.putIfAbsent(key, region);
        if (earlier != null) {
            String shown = key instanceof Identity i ? i.key() : key.toString();
            throw new IllegalArgumentException("regions: " + what + " " + shown + " is in both " + earlier.source()
                    + " (" + earlier.code() + ") and " + region.source() + " (" + region.code()
                    + "); it must be unique in a deployment");
        }
    }

    /** The regions, the default first. */
    public List<Region> all() {
        return all;
    }

    /** The regions' complaint desk definitions, the default first (the console's desk directory). */
    public List<RegionDefinition> definitions() {
        return all.stream().map(Region::definition).toList();
    }

    public Region defaultRegion() {
        return all.get(0);
    }

    public Optional<Region> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /**
     * The number a region sends from on a channel: the first of its file's {@code sms} (for SMS
     * and USSD's SMS replies) or {@code whatsapp} identities; empty when it names none.
     */
    public Optional<String> senderOf(String region, Channel channel) {
        Channel list = channel == Channel.USSD ? Channel.SMS : channel;
        return byCode(region).flatMap(r -> r.identities().getOrDefault(list, java.util.Set.of()).stream().findFirst());
    }

    /** Every USSD service code the regions claim ({@code ussd} identities), for gateways that send whole dial strings. */
    public java.util.Set<String> ussdCodes() {
        return all.stream().flatMap(r -> r.identities().getOrDefault(Channel.USSD, java.util.Set.of()).stream())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The regions' own Telegram bots, for the Telegram channel (the default region's without a region). */
    public id.kanal.channels.telegram.TelegramRegionBots telegramBots() {
        return new id.kanal.channels.telegram.TelegramRegionBots(all.stream().flatMap(r -> r.telegram().stream().map(t ->
                new id.kanal.channels.telegram.TelegramRegionBots.Bot(
                        r == defaultRegion() ? Optional.empty() : Optional.of(r.code()),
                        t.token(), t.webhookSecret(), t.webhookPath()))).toList());
    }

    /** The region a message arriving on {@code identity} over {@code channel} is for: its claimant, else the default. */
    public Region arrivedOn(Channel channel, Optional<String> identity) {
        return identity.map(i -> byIdentity.get(new Identity(channel, keyOf(i)))).orElse(defaultRegion());
    }

    private String keyOf(String identity) {
        String k = keys.get(identity);
        if (k == null) {
            k = key(identity);
            if (keys.size() < MAX_KEYS) {
                keys.put(identity, k);
            }
        }
        return k;
    }

    /**
     * The region a message is for: the one that claims the identity it arrived on; without one, the
     * region its sender already belongs to (a USSD turn held across a restart, run again), else the default.
     */
    public Region of(InboundMessage message) {
        if (message.to().isEmpty() && message.from().region().isPresent()) {
            return byCode(message.from().region().get()).orElse(defaultRegion());
        }
        return arrivedOn(message.channel(), message.to());
    }

    /** The resident as {@code region} knows them: the bare address in the default region, else theirs in that region. */
    public Address residentOf(Region region, Address from) {
        return region == defaultRegion() ? from.bare() : from.inRegion(region.code());
    }

    /** The resident who wrote to {@code identity} over {@code channel}, as that identity's region knows them. */
    public Address residentOn(Address from, Optional<String> identity) {
        return residentOf(arrivedOn(from.channel(), identity), from);
    }

    /** A number as SMSCs and Twilio write it: compiled once, since every message's identity is keyed. */
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{9,15}");

    /** An identity as region files and providers write it, compared in one form: numbers in E.164, codes as written. */
    static String key(String identity) {
        String s = identity.strip();
        if (s.startsWith("whatsapp:")) {
            s = s.substring("whatsapp:".length());
        }
        // Short codes and USSD codes stay as they are; SMSCs write international numbers without the "+".
        if (NUMBER.matcher(s).matches()) {
            String plain = s;
            return PhoneNumbers.normalise(plain).or(() -> PhoneNumbers.normalise("+" + plain)).orElse(s);
        }
        return s;
    }

    /** One line for the start log: which identities go where (a region's numbers are public, not residents'). */
    String describe() {
        java.util.StringJoiner regionsLine = new java.util.StringJoiner("; ");
        for (Region r : all) {
            java.util.StringJoiner line = new java.util.StringJoiner(" ");
            line.add(r.code() + (r == defaultRegion() ? " (default: takes the unclaimed)" : ""));
            line.add("prefix=" + r.definition().ticketPrefix());
            r.identities().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    line.add(e.getKey().id() + "=" + String.join(",", e.getValue().stream().sorted().toList())));
            r.telegram().ifPresent(t -> line.add("telegram-webhook=" + t.webhookPath()));
            regionsLine.add(line.toString());
        }
        return regionsLine.toString();
    }
}
