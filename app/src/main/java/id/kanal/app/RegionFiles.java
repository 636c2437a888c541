package id.kanal.app;

import id.kanal.app.packs.PackSource;
import id.kanal.channels.telegram.TelegramRegionBots;
import id.kanal.dialog.Channel;
import id.kanal.channels.ConfigValues;
import id.kanal.services.alerts.Areas;
import id.kanal.services.complaints.RegionDefinition;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads regions from YAML: the home region (the built-in Kota Tangerang, or {@code
 * KANAL_REGION_FILE}), which is the default, and one more region per {@code *.yaml} file in
 * {@code KANAL_REGIONS_DIR} (adding a region is dropping in a file).
 */
final class RegionFiles {
    private static final String BUILT_IN = "regions/kota-tangerang.yaml";
    private static final String BUILT_IN_SOURCE = "the built-in region";

    private RegionFiles() {
    }

    /**
     * Every region of the deployment, the home region first; refuses clashes ({@link Regions}).
     * Without the environment, regions' Telegram bots are left out (their tokens are in it): for
     * commands that only read regions' desks.
     */
    static Regions loadAll(Optional<Path> homeFile, Optional<Path> directory) {
        return loadAll(homeFile, directory, Optional.empty());
    }

    /** The same, with each region's Telegram bot token read from the variable its file names. */
    static Regions loadAll(Optional<Path> homeFile, Optional<Path> directory, Environment environment) {
        return loadAll(homeFile, directory, Optional.of(environment));
    }

    private static Regions loadAll(Optional<Path> homeFile, Optional<Path> directory, Optional<Environment> environment) {
        List<Region> regions = new ArrayList<>();
        regions.add(region(homeFile, environment));
        if (directory.isPresent()) {
            if (!Files.isDirectory(directory.get())) {
                throw new IllegalArgumentException("KANAL_REGIONS_DIR is not a directory: " + directory.get());
            }
            try (Stream<Path> files = Files.list(directory.get())) {
                for (Path f : files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml"))
                        .filter(Files::isRegularFile).sorted().toList()) {
                    regions.add(region(Optional.of(f), environment));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("KANAL_REGIONS_DIR could not be listed: " + directory.get(), e);
            }
        }
        return new Regions(regions);
    }

    /** One region from its file (or the built-in one): definition, zone, hours, packs and identities. */
    static Region region(Optional<Path> file) {
        return region(file, Optional.empty());
    }

    private static Region region(Optional<Path> file, Optional<Environment> environment) {
        Config c = config(file);
        String source = file.map(Path::toString).orElse(BUILT_IN_SOURCE);
        try {
            Optional<Region.TelegramBot> telegram = environment.flatMap(env -> telegram(c.get("identities.telegram"), env));
            Map<Channel, Set<String>> identities = identities(c.get("identities"));
            telegram.ifPresent(t -> identities.put(Channel.TELEGRAM, Set.of(TelegramRegionBots.identityOf(t.token()))));
            return new Region(parse(c), source,
                    c.get("time-zone").asString().asOptional().map(ZoneId::of),
                    c.get("agent-hours").asString().asOptional().map(AgentHours::parse),
                    packFolders(file), identities, telegram, wording(c.get("wording")), areas(c, file),
                    open311(c.get("open311")));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("region file " + source + ": " + e.getMessage(), e);
        }
    }

    /** {@code wording:} per language code ({@code id}, {@code en}), text keys and the region's own text. */
    private static Map<id.kanal.dialog.Language, Map<String, String>> wording(Config node) {
        Map<id.kanal.dialog.Language, Map<String, String>> out = new java.util.EnumMap<>(id.kanal.dialog.Language.class);
        for (id.kanal.dialog.Language language : id.kanal.dialog.Language.values()) {
            Config texts = node.get(language.code());
            if (!texts.exists()) {
                continue;
            }
            Map<String, String> byKey = new java.util.LinkedHashMap<>();
            // Keys hold dots ("menu.greeting"): read the subtree flat, its keys relative to the language.
            texts.detach().asMap().orElse(Map.of()).forEach(byKey::put);
            out.put(language, byKey);
        }
        return out;
    }

    /**
     * {@code identities:} {@code sms} (Twilio {@code To} numbers and SMPP destination addresses),
     * {@code whatsapp} (WhatsApp senders) and {@code ussd} (service codes), each a list.
     */
    private static Map<Channel, Set<String>> identities(Config node) {
        Map<Channel, Set<String>> out = new EnumMap<>(Channel.class);
        for (Channel channel : List.of(Channel.SMS, Channel.WHATSAPP, Channel.USSD)) {
            List<String> values = node.get(channel.id()).asList(String.class).orElse(List.of());
            if (!values.isEmpty()) {
                Set<String> keys = new LinkedHashSet<>();
                values.forEach(v -> keys.add(Regions.key(v)));
                out.put(channel, keys);
            }
        }
        return out;
    }

    /**
     * {@code areas:} a list of {@code {kecamatan: name, kelurahan: [names]}}, or {@code areas-file:} a
     * CSV beside the region file ({@code kecamatan,kelurahan} a line); the built-in region's are Kota
     * Tangerang's.
     */
    private static Optional<Areas> areas(Config c, Optional<Path> file) {
        if (file.isEmpty()) {
            return Optional.of(Areas.kotaTangerang());
        }
        Optional<String> csv = c.get("areas-file").asString().asOptional();
        if (csv.isPresent()) {
            if (c.get("areas").exists()) {
                throw new IllegalArgumentException("give areas or areas-file, not both");
            }
            return Optional.of(Areas.csv(file.get().toAbsolutePath().getParent().resolve(csv.get())));
        }
        if (!c.get("areas").exists()) {
            return Optional.empty();
        }
        Map<String, List<String>> byKecamatan = new java.util.LinkedHashMap<>();
        for (Config k : c.get("areas").asNodeList().orElse(List.of())) {
            List<String> kelurahan = k.get("kelurahan").asList(String.class).orElse(List.of());
            if (kelurahan.isEmpty()) {
                throw new IllegalArgumentException("missing key " + k.get("kelurahan").key() + " (a list of names)");
            }
            byKecamatan.put(required(k, "kecamatan"), kelurahan);
        }
        return Optional.of(Areas.of(byKecamatan));
    }

    /** {@code open311:} {@code endpoint}, {@code api-key-env}, {@code jurisdiction}, {@code poll-interval}. */
    private static Optional<Region.Open311Desk> open311(Config node) {
        if (!node.exists()) {
            return Optional.empty();
        }
        if (node.get("api-key").exists()) {
            throw new IllegalArgumentException(node.get("api-key").key() + ": a region file holds no secret; name the "
                    + "environment variable that holds the key with api-key-env");
        }
        return Optional.of(new Region.Open311Desk(
                ConfigValues.url(node.get("endpoint"), "https://311.example.go.id/open311/v2/").orElseThrow(() ->
                        new IllegalArgumentException("missing key " + node.get("endpoint").key())),
                ConfigValues.string(node.get("api-key-env")), ConfigValues.string(node.get("jurisdiction")),
                node.get("poll-interval").exists()
                        ? Optional.of(ConfigValues.positiveDuration(node.get("poll-interval"), Duration.ZERO))
                        : Optional.empty()));
    }

    /**
     * {@code identities: telegram:} {@code token-env} (the variable holding the bot token: a token in
     * a file would end up committed), {@code webhook-path} (under {@code /channels}) and, optionally,
     * {@code webhook-secret-env} (the variable holding its own webhook secret; else the deployment's).
     */
    private static Optional<Region.TelegramBot> telegram(Config node, Environment env) {
        if (!node.exists()) {
            return Optional.empty();
        }
        if (node.get("token").exists() || node.get("webhook-secret").exists()) {
            throw new IllegalArgumentException(node.key() + ": a token or secret is never written in a region file: "
                    + "put it in an environment variable and name that with token-env (webhook-secret-env)");
        }
        String tokenVariable = required(node, "token-env");
        String token = env.get(tokenVariable).orElseThrow(() -> new IllegalArgumentException(
                node.get("token-env").key() + " names " + tokenVariable + ", which is not set"));
        Optional<String> secret = node.get("webhook-secret-env").asString().asOptional().map(variable ->
                env.get(variable).orElseThrow(() -> new IllegalArgumentException(
                        node.get("webhook-secret-env").key() + " names " + variable + ", which is not set")));
        return Optional.of(new Region.TelegramBot(token, secret, required(node, "webhook-path")));
    }

    private static Config config(Optional<Path> file) {
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw new IllegalArgumentException("region file is not readable: " + file.get());
        }
        return file.map(f -> Config.just(ConfigSources.file(f))).orElseGet(() -> Config.just(ConfigSources.classpath(BUILT_IN)));
    }

    /**
     * The region's content pack folders ({@code packs:}, paths beside the region file, or beside the
     * built-in one in the application's resources), stored at start when missing.
     */
    static List<PackSource> packFolders(Optional<Path> file) {
        Config config = config(file);
        List<String> folders = config.get("packs").asList(String.class).orElse(List.of());
        return folders.stream().map(folder -> file
                .map(f -> PackSource.folder(f.toAbsolutePath().getParent().resolve(folder)))
                .orElseGet(() -> PackSource.resource("regions/" + folder))).toList();
    }

    static RegionDefinition parse(Config c) {
        List<RegionDefinition.Agency> agencies = c.get("agencies").asNodeList().orElse(List.of()).stream()
                .map(a -> new RegionDefinition.Agency(required(a, "code"), required(a, "name")))
                .toList();
        List<RegionDefinition.CategoryDefinition> categories = c.get("categories").asNodeList().orElse(List.of())
                .stream()
                .map(k -> new RegionDefinition.CategoryDefinition(required(k, "code"), required(k, "name-id"),
                        k.get("name-en").asString().orElse(required(k, "name-id")), required(k, "agency"),
                        k.get("keywords").asList(String.class).orElse(List.of()),
                        k.get("resolution-days").asInt().orElse(14)))
                .toList();
        return new RegionDefinition(required(c, "code"), required(c, "name"), required(c, "ticket-prefix"),
                agencies, categories);
    }

    private static String required(Config node, String key) {
        return node.get(key).asString().orElseThrow(() ->
                new IllegalArgumentException("region file: missing key " + node.get(key).key()));
    }
}
