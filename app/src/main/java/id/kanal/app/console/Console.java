package id.kanal.app.console;

import id.kanal.app.Kanal;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent console's parts, built once per server from Kanal: accounts, sessions, the login
 * limiter, the event bus and the complaints seam. The routes under {@code /api/console} use it.
 */
public final class Console {
    private final Kanal kanal;
    private final ConsoleSettings settings;
    private final Accounts accounts;
    private final Sessions sessions;
    private final ConsoleGuard guard;
    private final LoginLimiter limiter;
    private final ConsoleEvents events;
    private final ConsoleComplaints complaints;
    private final ConversationQueries conversations;

    private Console(Kanal kanal) {
        this.kanal = kanal;
        this.settings = kanal.settings().console();
        this.accounts = new Accounts(kanal.database(), new PasswordHasher(settings.passwordMemoryKb()), kanal.clock());
        this.sessions = new Sessions(kanal.database(), kanal.clock(), settings.sessionTtl());
        this.guard = new ConsoleGuard(sessions);
        this.limiter = new LoginLimiter(kanal.clock());
        this.events = new ConsoleEvents();
        this.complaints = new SqlConsoleComplaints(kanal.database(), kanal.clock(), kanal.complaints());
        this.conversations = new ConversationQueries(kanal.database(), kanal.clock());
    }

    /** Builds the console, creating the first admin on a fresh database and hooking the event bus to conversations. */
    public static Console create(Kanal kanal) {
        Console c = new Console(kanal);
        c.accounts.ensureFirstAdmin(c.settings.adminPassword());
        c.events.seed(handedOff(kanal));
        kanal.conversations().addListener(c.events::conversationSaved);
        return c;
    }

    private static List<Address> handedOff(Kanal kanal) {
        return kanal.database().read(conn -> {
            List<Address> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT channel, address FROM conversation WHERE mode <> 'bot'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Address(Channel.of(rs.getString(1)), rs.getString(2)));
                }
            }
            return out;
        });
    }

    Kanal kanal() {
        return kanal;
    }

    ConsoleSettings settings() {
        return settings;
    }

    Accounts accounts() {
        return accounts;
    }

    Sessions sessions() {
        return sessions;
    }

    ConsoleGuard guard() {
        return guard;
    }

    LoginLimiter limiter() {
        return limiter;
    }

    ConsoleEvents events() {
        return events;
    }

    ConsoleComplaints complaints() {
        return complaints;
    }

    ConversationQueries conversations() {
        return conversations;
    }
}
