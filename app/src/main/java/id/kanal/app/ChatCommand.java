package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundHandler;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.Reply;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code chat --from +62... --channel sms [--to IDENTITY | --region R]}: a conversation in the
 * terminal with the same engine and database as the server, so Kanal can be tried with no provider
 * account. In a deployment of several regions, {@code --to} names the number, short code or USSD
 * code the resident writes to (the region that claims it answers, as on the server) and
 * {@code --region} names the region directly; without either the default region answers.
 */
final class ChatCommand {
    static final String USAGE = "chat --from +62... --channel sms|ussd|whatsapp|telegram [--to IDENTITY | --region R]";

    /**
     * Held so the level sticks (JUL keeps loggers weakly): the channels' start-up warnings (e.g. no
     * Twilio auth token) are about webhooks and senders the terminal never uses.
     */
    private static final java.util.logging.Logger CHANNELS = java.util.logging.Logger.getLogger("id.kanal.channels");

    private ChatCommand() {
    }

    /** What the command line asked for. */
    record Options(String from, Channel channel, Optional<String> to, Optional<String> region) {
        static Options parse(String[] args) {
            String from = "+6281234567890";
            Channel channel = Channel.SMS;
            Optional<String> to = Optional.empty();
            Optional<String> region = Optional.empty();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--from" -> from = ChatCommand.value(args, ++i, "--from");
                    case "--channel" -> channel = ChatCommand.channel(value(args, ++i, "--channel"));
                    case "--to" -> to = Optional.of(ChatCommand.value(args, ++i, "--to"));
                    case "--region" -> region = Optional.of(ChatCommand.value(args, ++i, "--region"));
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (use " + USAGE + ")");
                }
            }
            if (to.isPresent() && region.isPresent()) {
                throw new IllegalArgumentException("give --to or --region, not both");
            }
            return new Options(from, channel, to, region);
        }
    }

    static int run(Settings settings, String[] args) throws Exception {
        Options options = Options.parse(args);
        // The terminal is the conversation: start-up INFO lines (on stdout) would bury the replies.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        CHANNELS.setLevel(java.util.logging.Level.SEVERE);
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            converse(kanal, options, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                    System.out);
        }
        return 0;
    }

    /** Holds the conversation: each line the resident types goes to the region it is for, as on the server. */
    static void converse(Kanal kanal, Options options, BufferedReader in, PrintStream out) throws java.io.IOException {
        Regions regions = kanal.regions();
        Region region = regionOf(regions, options);
        Address resident = regions.residentOf(region, new Address(options.channel(), address(options)));
        InboundHandler router = new RegionRouter(regions, engines(kanal));
        out.println("Chatting as " + resident.bare().value() + " on " + options.channel().id()
                + options.to().map(t -> " to " + t).orElse("") + " (" + region.definition().name()
                + "). Type a message (e.g. halo); Ctrl-D ends.");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            InboundMessage message = InboundMessage.text("chat-" + UUID.randomUUID(), resident, line,
                    kanal.clock().instant());
            Reply reply = router.handle(options.to().map(message::arrivedOn).orElse(message));
            out.println(reply.text());
            out.println();
        }
    }

    /**
     * The region the conversation is with: the one named, the one claiming {@code --to} (a typo is
     * refused rather than quietly answered by the default region), else the default.
     */
    static Region regionOf(Regions regions, Options options) {
        if (options.region().isPresent()) {
            String code = options.region().get();
            return regions.byCode(code).orElseThrow(() -> new IllegalArgumentException("unknown region: " + code
                    + " (this deployment has " + regions.all().stream().map(Region::code)
                    .collect(Collectors.joining(", ")) + ")"));
        }
        if (options.to().isEmpty()) {
            return regions.defaultRegion();
        }
        String to = options.to().get();
        Region region = regions.arrivedOn(options.channel(), Optional.of(to));
        if (!region.identities().getOrDefault(options.channel(), Set.of()).contains(Regions.key(to))) {
            Map<String, Set<String>> claimed = new LinkedHashMap<>();
            regions.all().forEach(r -> {
                Set<String> identities = r.identities().getOrDefault(options.channel(), Set.of());
                if (!identities.isEmpty()) {
                    claimed.put(r.code(), identities);
                }
            });
            throw new IllegalArgumentException("no region claims " + to + " on " + options.channel().id() + " ("
                    + (claimed.isEmpty() ? "no region file names " + options.channel().id() + " identities"
                    : options.channel().id() + " identities: " + claimed)
                    + "); leave --to out to talk to the default region");
        }
        return region;
    }

    private static Map<String, id.kanal.dialog.DialogEngine> engines(Kanal kanal) {
        Map<String, id.kanal.dialog.DialogEngine> engines = new LinkedHashMap<>();
        kanal.allServices().forEach(s -> engines.put(s.code(), s.engine()));
        return engines;
    }

    private static String address(Options options) {
        return options.channel() == Channel.TELEGRAM ? options.from() : PhoneNumbers.normalise(options.from())
                .orElseThrow(() -> new IllegalArgumentException("--from is not a phone number"));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Channel channel(String id) {
        try {
            return Channel.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--channel must be sms, ussd, whatsapp or telegram: " + id);
        }
    }
}
