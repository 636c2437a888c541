package id.kanal.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.logging.common.LogConfig;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code java -jar kanal.jar [command] [args]}: the command line. {@code serve} is the default. */
public final class Main {
    /** A command of the command line. */
    interface Command {
        int run(Settings settings, String[] args) throws Exception;
    }

    private record Entry(String usage, String summary, Command command) {
    }

    private static final Map<String, Entry> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("serve", new Entry("serve", "start the server (default)", ServeCommand::run));
        COMMANDS.put("chat", new Entry(ChatCommand.USAGE,
                "talk to Kanal in the terminal, through the same engine and database; --to: the number or code "
                + "written to (its region answers)", ChatCommand::run));
        COMMANDS.put("classify", new Entry("classify",
                "one message per stdin line, one JSON line out: intent, confidence, entities", NluCommands::classify));
        COMMANDS.put("nlu-eval", new Entry("nlu-eval --dataset clinc150|xsid|kanal --path P",
                "train and evaluate the NLU pipeline on a benchmark; prints accuracy, OOS recall, latency",
                NluCommands::evaluate));
        COMMANDS.put("import-prices", new Entry("import-prices [--region R] FILE",
                "import a Badan Pangan Nasional or simple price CSV for region R (default: the default region; all rows "
                + "or none)", ImportCommands::importPrices));
        COMMANDS.put("import-gtfs", new Entry("import-gtfs [--region R] DIR_OR_ZIP",
                "import a GTFS timetable for region R (default: the default region); replaces the feed of the same name "
                + "at once", ImportCommands::importGtfs));
        COMMANDS.put("import-pack", new Entry("import-pack --region R FOLDER",
                "import a content pack folder (pack.yaml, items.csv) for region R (all rows or none)",
                ImportCommands::importPack));
        COMMANDS.put("add-agent", new Entry("add-agent --username U --role agent|supervisor|admin [--region R|all] "
                + "[--agency A] [--password-file F]", "create a console account at its desk; the password from the file "
                + "or stdin", (settings, args) -> id.kanal.app.console.AddAgentCommand.run(settings,
                new id.kanal.app.console.DeskDirectory(RegionFiles.loadAll(settings.regionFile(), settings.regionsDir())
                        .definitions()), args)));
        COMMANDS.put("bench-sms", new Entry("bench-sms --url URL --token TOKEN [--connections 50] [--seconds 20]",
                "load a running Kanal with signed SMS webhooks; prints requests/s and p99", BenchSmsCommand::run));
        COMMANDS.put("bench", new Entry("bench [--connections 50] [--seconds 10] [--warmup 10] [--max-warmup 40] [--db sqlite|JDBC_URL] [--jfr FILE]"
                + " | bench --vs DIR [--rounds 10] [--seconds 6] [--warmup 25] | bench --ratio ROUNDS [--seconds 6] [--warmup 25]",
                "a bare Helidon route and Kanal's SMS and USSD pipelines in one run: requests/s, p99, ratio, CPU per turn; "
                + "with --vs, this build's SMS target against another build's in alternating windows; with --ratio, "
                + "against the bare route in alternating windows",
                (settings, args) -> id.kanal.app.bench.BenchCommand.run(args, System.out)));
        COMMANDS.put("smsc", new Entry("smsc [--port 2775] [--system-id kanal] [--password kanal] [--from MSISDN] [--to 1708]",
                "a local SMSC on loopback with a prompt: talk to Kanal over real SMPP without an operator", SmscCommand::run));
        COMMANDS.put("bench-smpp", new Entry("bench-smpp [--rate 100] [--seconds 20] [--burst 2000]",
                "Kanal against the local SMSC: messages/s and p99 from deliver_sm to the reply's submit_sm",
                BenchSmppCommand::run));
        COMMANDS.put("bench-services", new Entry("bench-services [SHARED_DATA_DIR]",
                "import times of the shared feeds, price and departure query latency", ImportCommands::benchServices));
    }

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String name = args.length == 0 ? "serve" : args[0];
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            help(out);
            return 0;
        }
        Entry entry = COMMANDS.get(name);
        if (entry == null) {
            err.println("unknown command: " + name);
            help(err);
            return 2;
        }
        try {
            Settings settings = Settings.from(config(), env);
            return entry.command().run(settings, Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        } catch (IllegalArgumentException e) {
            err.println("kanal " + name + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("kanal " + name + " failed: " + e);
            return 1;
        }
    }

    /**
     * The configuration files' tree ({@code application.yaml}); {@link Settings#from} layers the
     * environment's documented variables over it ({@link ConfigKeys}), never the whole environment.
     */
    static Config config() {
        return Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.classpath("application.yaml"))
                .build();
    }

    private static void help(PrintStream out) {
        out.println("Kanal: city services over SMS, USSD, WhatsApp and Telegram.");
        out.println("usage: java -jar app/target/kanal.jar [command] [options]");
        out.println();
        out.println("commands:");
        COMMANDS.values().forEach(e -> out.printf("  %-58s %s%n", e.usage(), e.summary()));
        out.println();
        out.println("configuration: application.yaml, overridden by KANAL_* environment variables (see README).");
    }

    static Clock clock() {
        return Clock.systemUTC();
    }
}
