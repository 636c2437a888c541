package id.kanal.app;

import id.kanal.channels.smpp.SmppChannel;
import id.kanal.channels.smpp.SmppConfig;
import id.kanal.channels.telegram.TelegramChannel;
import id.kanal.channels.twilio.TwilioChannel;
import id.kanal.channels.twilio.TwilioSettings;
import id.kanal.channels.ussd.UssdChannel;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configuration and code cannot drift apart: every key {@code application.yaml} holds or
 * documents is one Kanal reads, every key in {@link ConfigKeys} changes the settings when set,
 * and the README's configuration table lists exactly the keys and variables of that table.
 */
class ConfigurationTest {
    private static final Path REPO = Path.of("..");
    private static final Pattern VARIABLE = Pattern.compile("KANAL_[A-Z0-9_]*[A-Z0-9]");
    /** Variables the tests read, documented in the README beside the tests they configure. */
    private static final Set<String> TEST_VARIABLES = Set.of("KANAL_TEST_PG_URL");

    /** For every key: a value that is not its default, and where the settings show it. */
    private record Probe(String value, Function<Settings, Object> shows, Map<String, String> baseKeys,
                         Map<String, String> baseVariables) {
        Probe(String value, Function<Settings, Object> shows) {
            this(value, shows, Map.of(), Map.of());
        }

        /** A key that is read only beside others (an SMSC link needs its host, account and address). */
        static Probe beside(Map<String, String> keys, Map<String, String> variables, String value,
                            Function<Settings, Object> shows) {
            return new Probe(value, shows, keys, variables);
        }
    }

    /** One SMSC link, complete, for the SMPP keys' probes; its password comes only from the environment. */
    private static final Map<String, String> SMPP_LINK = Map.of("kanal.smpp.host", "smsc.local",
            "kanal.smpp.system-id", "kanal", "kanal.smpp.source-addr", "1708");
    private static final Map<String, String> SMPP_PASSWORD = Map.of("KANAL_SMPP_PASSWORD", "rahasia");

    private static Probe smpp(String value, Function<SmppConfig, Object> shows) {
        return Probe.beside(SMPP_LINK, SMPP_PASSWORD, value, s -> shows.apply(s.channels().of(SmppChannel.TYPE)));
    }

    private static final Map<String, Probe> PROBES = probes();

    private static TwilioSettings twilio(Settings s) {
        return s.channels().of(TwilioChannel.TYPE);
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        p.put("kanal.port", new Probe("8181", s -> s.server().port()));
        p.put("kanal.data-dir", new Probe("/var/lib/kanal", s -> s.store().dataDir()));
        p.put("kanal.db-url", new Probe("jdbc:postgresql://db/kanal", s -> s.store().dbUrl()));
        p.put("kanal.db-pool.size", new Probe("16", s -> s.store().pool().size()));
        p.put("kanal.db-pool.connection-timeout", new Probe("PT5S", s -> s.store().pool().connectionTimeout()));
        p.put("kanal.db-pool.validation-timeout", new Probe("PT1S", s -> s.store().pool().validationTimeout()));
        p.put("kanal.db-pool.keepalive-time", new Probe("PT1M", s -> s.store().pool().keepaliveTime()));
        p.put("kanal.db-pool.max-lifetime", new Probe("PT20M", s -> s.store().pool().maxLifetime()));
        p.put("kanal.public-url", new Probe("https://kanal.example.go.id", s -> s.server().baseUrl()));
        p.put("kanal.shutdown-grace-period", new Probe("PT3S", s -> s.server().shutdownGracePeriod()));
        p.put("kanal.server.trusted-proxies", new Probe("10.0.0.0/8, ::1", s -> s.server().trustedProxies()));
        p.put("kanal.server.metrics-token", new Probe("metrics", s -> s.server().metricsToken()));
        p.put("kanal.live.max-streams", new Probe("20", s -> s.server().liveMaxStreams()));
        p.put("kanal.live.heartbeat", new Probe("PT30S", s -> s.server().liveHeartbeat()));
        p.put("kanal.region-file", new Probe("/etc/kanal/region.yaml", Settings::regionFile));
        p.put("kanal.regions-dir", new Probe("/etc/kanal/regions", Settings::regionsDir));
        p.put("kanal.dialog.idle-timeout", new Probe("PT10M", s -> s.dialog().idleTimeout()));
        p.put("kanal.dialog.zone", new Probe("Asia/Makassar", s -> s.dialog().zone()));
        p.put("kanal.dialog.conversation-cache-size", new Probe("5000", s -> s.dialog().conversationCacheSize()));
        p.put("kanal.handoff.hours", new Probe("MON-SUN 00:00-23:59", s -> s.dialog().agentHours()));
        p.put("kanal.prices.stale-after-days", new Probe("7", s -> s.dialog().priceStaleAfterDays()));
        p.put("kanal.twilio.account-sid", new Probe("AC123", s -> twilio(s).accountSid()));
        p.put("kanal.twilio.auth-token", new Probe("tok", s -> twilio(s).authToken()));
        p.put("kanal.twilio.api-url", new Probe("http://127.0.0.1:9", s -> twilio(s).apiUrl()));
        p.put("kanal.twilio.sms-from", new Probe("+6221500999", s -> twilio(s).smsFrom()));
        p.put("kanal.twilio.whatsapp-from", new Probe("+6221500123", s -> twilio(s).whatsAppFrom()));
        p.put("kanal.twilio.whatsapp-template-sid", new Probe("HX1", s -> twilio(s).whatsAppTemplateSid()));
        p.put("kanal.twilio.sms-rate-per-second", new Probe("5", s -> twilio(s).smsRatePerSecond()));
        p.put("kanal.twilio.whatsapp-rate-per-second", new Probe("2.5", s -> twilio(s).whatsAppRatePerSecond()));
        p.put("kanal.intents.lexicon-path", new Probe("/etc/kanal/lexicon.csv", s -> s.intents().lexiconPath()));
        p.put("kanal.intents.model-path", new Probe("/var/lib/kanal/intents.bin", s -> s.intents().modelPath()));
        p.put("kanal.intents.threshold", new Probe("0.5", s -> s.intents().threshold()));
        p.put("kanal.complaints.admin-token", new Probe("admin", s -> s.complaints().adminToken()));
        p.put("kanal.complaints.open311.api-keys", new Probe("a,b", s -> s.complaints().open311ApiKeys()));
        p.put("kanal.complaints.whatsapp-status-template-sid",
                new Probe("HX2", s -> s.complaints().whatsAppStatusTemplateSid()));
        p.put("kanal.complaints.whatsapp-feedback-template-sid",
                new Probe("HX3", s -> s.complaints().whatsAppFeedbackTemplateSid()));
        p.put("kanal.alerts.price-threshold-percent", new Probe("15", s -> s.alerts().priceThresholdPercent()));
        p.put("kanal.alerts.sms-segment-cost", new Probe("500", s -> s.alerts().smsSegmentRupiah()));
        p.put("kanal.alerts.whatsapp-message-cost", new Probe("400", s -> s.alerts().whatsAppMessageRupiah()));
        p.put("kanal.complaints.open311.endpoint",
                new Probe("https://311.example.go.id/open311/v2/", s -> s.complaints().open311Endpoint()));
        p.put("kanal.complaints.open311.client-api-key", new Probe("k", s -> s.complaints().open311ClientApiKey()));
        p.put("kanal.complaints.open311.jurisdiction",
                new Probe("tangerangkota.go.id", s -> s.complaints().open311Jurisdiction()));
        p.put("kanal.complaints.open311.poll-interval", new Probe("PT1M", s -> s.complaints().open311PollInterval()));
        p.put("kanal.complaints.open311.public-reads", new Probe("false", s -> s.complaints().open311PublicReads()));
        p.put("kanal.complaints.photo-max-bytes", new Probe("2097152", s -> s.complaints().photoMaxBytes()));
        p.put("kanal.complaints.photo-retention-days", new Probe("90", s -> s.complaints().photoRetentionDays()));
        p.put("kanal.complaints.api-tokens", new Probe("kota-tangerang=integration-token-01",
                s -> s.complaints().apiTokens()));
        p.put("kanal.smpp.host", smpp("smsc2.local", c -> c.connections().get(0).host()));
        p.put("kanal.smpp.port", smpp("2776", c -> c.connections().get(0).port()));
        p.put("kanal.smpp.system-id", smpp("kanal2", c -> c.connections().get(0).systemId()));
        p.put("kanal.smpp.password", smpp("sandi", c -> c.connections().get(0).password()));
        p.put("kanal.smpp.system-type", smpp("CMT", c -> c.connections().get(0).systemType()));
        p.put("kanal.smpp.source-addr", smpp("1709", c -> c.connections().get(0).sourceAddr()));
        p.put("kanal.smpp.tps", smpp("25", c -> c.connections().get(0).tps()));
        p.put("kanal.smpp.ussd-code", smpp("*124#", c -> c.connections().get(0).ussdCode()));
        p.put("kanal.smpp.sms-sender", smpp("twilio", SmppConfig::sendsSms));
        p.put("kanal.smpp.reassembly-wait", smpp("PT10S", SmppConfig::reassemblyWait));
        p.put("kanal.smpp.dedupe-window", smpp("PT2H", SmppConfig::dedupeWindow));
        p.put("kanal.telegram.bot-token", new Probe("123:abc", s -> s.channels().of(TelegramChannel.TYPE).botToken()));
        p.put("kanal.telegram.webhook-secret", new Probe("sec", s -> s.channels().of(TelegramChannel.TYPE).webhookSecret()));
        p.put("kanal.telegram.mode", new Probe("webhook", s -> s.channels().of(TelegramChannel.TYPE).mode()));
        p.put("kanal.telegram.api-url", new Probe("http://127.0.0.1:9", s -> s.channels().of(TelegramChannel.TYPE).apiUrl()));
        p.put("kanal.ussd.allowed-ips", new Probe("196.201.214.0/24", s -> s.channels().of(UssdChannel.TYPE).allowed().stream()
                .map(c -> Arrays.toString(c.network()) + "/" + c.prefix()).toList()));
        p.put("kanal.ussd.secret", new Probe("key", s -> s.channels().of(UssdChannel.TYPE).secret()));
        p.put("kanal.console.admin-password", new Probe("pw", s -> s.console().adminPassword()));
        p.put("kanal.console.demo", new Probe("true", s -> s.console().demo()));
        p.put("kanal.console.password-memory-kb", new Probe("64", s -> s.console().passwordMemoryKb()));
        p.put("kanal.console.session-ttl", new Probe("PT1H", s -> s.console().sessionTtl()));
        p.put("kanal.console.auto-assign-cap", new Probe("3", s -> s.console().autoAssignCap()));
        return p;
    }

    @Test
    void table_eachKeyAndVariableOnce() {
        List<String> keys = ConfigKeys.ALL.stream().map(ConfigKeys.Key::key).toList();
        List<String> variables = ConfigKeys.ALL.stream().flatMap(k -> k.variable().stream()).toList();
        assertEquals(keys.size(), Set.copyOf(keys).size(), "a key twice: " + keys);
        assertEquals(variables.size(), Set.copyOf(variables).size(), "a variable twice: " + variables);
        ConfigKeys.ALL.forEach(k -> assertTrue(k.key().matches("kanal(\\.[a-z0-9]+(-[a-z0-9]+)*)+"),
                k.key() + ": keys are kebab-case under kanal"));
    }

    @Test
    void everyKey_whenSet_changesTheSettings() {
        assertEquals(keys(ConfigKeys.ALL.stream()), new TreeSet<>(PROBES.keySet()), "a probe for every key");
        for (ConfigKeys.Key k : ConfigKeys.ALL) {
            Probe probe = PROBES.get(k.key());
            Settings defaults = Settings.from(withKeys(probe.baseKeys()), probe.baseVariables());
            if (!k.secret()) {
                Map<String, String> keys = new java.util.HashMap<>(probe.baseKeys());
                keys.put(k.key(), probe.value());
                Settings set = Settings.from(withKeys(keys), probe.baseVariables());
                assertNotEquals(probe.shows().apply(defaults), probe.shows().apply(set), k.key() + " is not read");
            }
            k.variable().ifPresent(v -> {
                Map<String, String> variables = new java.util.HashMap<>(probe.baseVariables());
                variables.put(v, probe.value());
                Settings set = Settings.from(withKeys(probe.baseKeys()), variables);
                assertNotEquals(probe.shows().apply(defaults), probe.shows().apply(set), v + " is not read");
            });
        }
    }

    @Test
    void environmentVariable_overridesItsKey() {
        Config files = withKeys(Map.of("kanal.twilio.sms-rate-per-second", "3", "kanal.intents.threshold", "0.4"));
        assertEquals(3, Settings.from(files, Map.of()).channels().of(TwilioChannel.TYPE).smsRatePerSecond());
        assertEquals(7, Settings.from(files, Map.of("KANAL_SMS_RATE_PER_SECOND", " 7 ")).channels().of(TwilioChannel.TYPE).smsRatePerSecond());
        assertEquals(0.4, Settings.from(files, Map.of()).intents().threshold());
        assertEquals(0.6, Settings.from(files, Map.of("KANAL_INTENT_THRESHOLD", "0.6")).intents().threshold());
        // Blank is unset: the file's value stands.
        assertEquals(3, Settings.from(files, Map.of("KANAL_SMS_RATE_PER_SECOND", " ")).channels().of(TwilioChannel.TYPE).smsRatePerSecond());
        // Only the documented names: the rest of the environment is not configuration.
        assertEquals(8080, Settings.from(Main.config(), Map.of("KANAL_PORTS", "1", "PORT", "2")).server().port());
    }

    @Test
    void badValue_failsAtStart_namingTheKeyAndTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Main.config(), Map.of("KANAL_PORT", "eighty")));
        assertTrue(e.getMessage().contains("kanal.port") && e.getMessage().contains("KANAL_PORT"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(withKeys(Map.of("kanal.dialog.zone", "Asia/Atlantis")), Map.of()));
        assertTrue(e.getMessage().contains("kanal.dialog.zone"), e.getMessage());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"serve"}, Map.of("KANAL_TELEGRAM_MODE", "push"), System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String shown = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, shown);
        assertTrue(shown.contains("kanal.telegram.mode") && shown.contains("KANAL_TELEGRAM_MODE"), shown);
    }

    @Test
    void secretInAFile_failsAtStart_namingItsVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Settings.from(withKeys(Map.of("kanal.twilio.auth-token", "committed")), Map.of()));
        assertTrue(e.getMessage().contains("KANAL_TWILIO_AUTH_TOKEN"), e.getMessage());
    }

    @Test
    void applicationYaml_holdsAndDocumentsOnlyKeysKanalReads() throws IOException {
        Set<String> known = keys(ConfigKeys.ALL.stream());
        Set<String> set = Main.config().asMap().orElseThrow().entrySet().stream()
                .filter(e -> !e.getValue().isBlank()) // an empty section ("ussd:") sets nothing
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        set.removeAll(known);
        assertEquals(Set.of(), set, "application.yaml sets keys nothing reads");

        Map<String, String> documented = yamlKeys(Files.readAllLines(resource("application.yaml")));
        Set<String> unknown = new TreeSet<>(documented.keySet());
        unknown.removeAll(known);
        assertEquals(Set.of(), unknown, "application.yaml documents keys nothing reads");
        Map<String, String> variables = ConfigKeys.ALL.stream().filter(k -> k.variable().isPresent())
                .collect(Collectors.toMap(ConfigKeys.Key::key, k -> k.variable().get()));
        documented.forEach((key, variable) -> {
            if (!variable.isEmpty()) {
                assertEquals(variables.get(key), variable, "the variable application.yaml names for " + key);
            }
        });
        for (ConfigKeys.Key k : ConfigKeys.ALL) {
            assertTrue(k.secret() != documented.containsKey(k.key()),
                    k.key() + (k.secret() ? " is a secret: never a key in application.yaml" : " is not in application.yaml"));
        }
    }

    @Test
    void readmeTable_listsExactlyTheKeysAndVariables() throws IOException {
        List<String> readme = Files.readAllLines(REPO.resolve("README.md"));
        Set<String> rows = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| `(kanal\\.[a-z0-9.-]+)` \\| (?:`(KANAL_[A-Z0-9_]+)`)?[^|]*\\|");
        for (String line : readme) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                rows.add(m.group(1) + " " + (m.group(2) == null ? "" : m.group(2)));
            }
        }
        Set<String> table = ConfigKeys.ALL.stream().map(k -> k.key() + " " + k.variable().orElse(""))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(table, rows, "README configuration table (key | variable | ...)");

        Set<String> variables = ConfigKeys.ALL.stream().flatMap(k -> k.variable().stream()).collect(Collectors.toSet());
        Set<String> named = names(String.join("\n", readme));
        named.removeAll(variables);
        named.removeAll(TEST_VARIABLES);
        assertEquals(Set.of(), named, "the README names variables nothing reads");
    }

    @Test
    void mainCode_namesOnlyVariablesOfTheTable() throws IOException {
        Set<String> variables = ConfigKeys.ALL.stream().flatMap(k -> k.variable().stream()).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>();
        try (Stream<Path> files = Files.walk(REPO)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")
                    && p.toString().contains("/src/main/") && !p.toString().contains("/target/")).toList()) {
                named.addAll(names(Files.readString(f)));
            }
        }
        named.removeAll(variables);
        assertEquals(Set.of(), named, "main code names variables that are not in ConfigKeys");
    }

    private static Set<String> names(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            // "KANAL_TELEGRAM_*" names a group, not a variable.
            if (!(m.end() < text.length() && text.charAt(m.end()) == '_')) {
                names.add(m.group());
            }
        }
        return names;
    }

    /**
     * The keys a YAML file sets or documents ({@code # key: example}, nested by indentation),
     * each with the variable its line names after {@code # KANAL_...} (empty when none).
     */
    static Map<String, String> yamlKeys(List<String> lines) {
        Pattern key = Pattern.compile("^( *)(# )?([a-z0-9-]+):(.*)$");
        Map<String, String> keys = new LinkedHashMap<>();
        Deque<Map.Entry<Integer, String>> parents = new ArrayDeque<>();
        for (String line : lines) {
            Matcher m = key.matcher(line);
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            while (!parents.isEmpty() && parents.peek().getKey() >= indent) {
                parents.pop();
            }
            String path = Stream.concat(parents.reversed().stream().map(Map.Entry::getValue), Stream.of(m.group(3)))
                    .collect(Collectors.joining("."));
            String rest = m.group(4).strip();
            if (rest.isEmpty() && m.group(2) == null) {
                parents.push(Map.entry(indent, m.group(3)));
            } else {
                Matcher v = Pattern.compile("#\\s*(KANAL_[A-Z0-9_]+)\\s*$").matcher(rest);
                keys.put(path, v.find() ? v.group(1) : "");
            }
        }
        return keys;
    }

    private static Set<String> keys(Stream<ConfigKeys.Key> keys) {
        return keys.map(ConfigKeys.Key::key).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Config withKeys(Map<String, String> keys) {
        return Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .sources(ConfigSources.create(keys), ConfigSources.classpath("application.yaml")).build();
    }

    private static Path resource(String name) {
        return Path.of("src/main/resources", name);
    }
}
