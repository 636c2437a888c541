package id.kanal.app.console;

import id.kanal.store.Database;
import id.kanal.store.console.SqlConsoleAccounts;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code add-agent --username U --role agent|supervisor|admin [--region R|all] [--agency A]
 * [--password-file F]}: creates a console account at its desk (the deployment's region by default;
 * {@code all} for a provincial operator; an agency for the LAKSA desk model). The password comes from the file or the first line of stdin, never from the
 * command line (it would show in {@code ps} and the shell history).
 */
public final class AddAgentCommand {
    private AddAgentCommand() {
    }

    /** The command line entry: opens the configured database (migrating it), creates the account. */
    public static int run(id.kanal.app.Settings settings, DeskDirectory desks, String[] args) throws java.io.IOException {
        try (Database db = settings.store().dbUrl().map(url -> Database.open(url, 1))
                .orElseGet(() -> Database.openSqlite(settings.store().dataDir()))) {
            return run(db, settings.console(), desks, Clock.systemUTC(), args, System.in, System.out);
        }
    }

    /** Runs the command against an open database, no region known (accounts work everywhere). */
    public static int run(Database db, ConsoleSettings settings, Clock clock, String[] args, java.io.InputStream stdin,
                          java.io.PrintStream out) throws java.io.IOException {
        return run(db, settings, DeskDirectory.EMPTY, clock, args, stdin, out);
    }

    /** Runs the command against an open database, desks checked against the deployment's regions. */
    public static int run(Database db, ConsoleSettings settings, DeskDirectory desks, Clock clock, String[] args,
                          java.io.InputStream stdin, java.io.PrintStream out) throws java.io.IOException {
        String username = null;
        String role = "agent";
        Optional<String> region = Optional.empty();
        Optional<String> agency = Optional.empty();
        Path passwordFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--username" -> username = need(value, "--username");
                case "--role" -> role = need(value, "--role");
                case "--password-file" -> passwordFile = Path.of(need(value, "--password-file"));
                case "--region" -> region = Optional.of(need(value, "--region"));
                case "--agency" -> agency = Optional.of(need(value, "--agency"));
                default -> throw new IllegalArgumentException("unknown option: " + args[i]);
            }
            i++;
        }
        if (username == null) {
            throw new IllegalArgumentException("--username is required");
        }
        String password = passwordFile != null
                ? Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("")
                : new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        if (password == null) {
            throw new IllegalArgumentException("no password: give --password-file or one line on stdin");
        }
        Accounts accounts = new Accounts(new SqlConsoleAccounts(db), new PasswordHasher(settings.passwordMemoryKb()), clock,
                desks);
        Account a = accounts.create(username, Role.of(role), password.strip(), region, agency);
        out.println("created console account " + a.username() + " (" + a.role().id() + ", region "
                + a.desk().regionId() + a.desk().agency().map(x -> ", agency " + x).orElse("") + ")");
        return 0;
    }

    private static String need(String value, String option) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
