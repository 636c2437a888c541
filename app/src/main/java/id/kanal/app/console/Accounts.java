package id.kanal.app.console;

import id.kanal.store.console.ConsoleAccounts;
import id.kanal.store.console.ConsoleAccounts.StoredAccount;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Console accounts: create, verify a login, list, change role or password, delete. Names and
 * passwords are checked and hashed here; {@link ConsoleAccounts} keeps the rows.
 */
public final class Accounts {
    private static final System.Logger LOG = System.getLogger(Accounts.class.getName());
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    static final int MIN_PASSWORD = 8;
    /** The console speaks Bahasa Indonesia unless an account chose English. */
    static final String DEFAULT_LANGUAGE = "id";
    static final List<String> LANGUAGES = List.of("id", "en");

    private final ConsoleAccounts stored;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final DeskDirectory desks;
    /** Verified against when the account does not exist, so a wrong username costs as long as a wrong password. */
    private final String decoy;

    /** Accounts that work everywhere (no region known). */
    public Accounts(ConsoleAccounts stored, PasswordHasher hasher, Clock clock) {
        this(stored, hasher, clock, DeskDirectory.EMPTY);
    }

    /** @param desks the regions and agencies an account's desk may name; new accounts default to the first region */
    public Accounts(ConsoleAccounts stored, PasswordHasher hasher, Clock clock, DeskDirectory desks) {
        this.stored = stored;
        this.hasher = hasher;
        this.clock = clock;
        this.desks = desks;
        this.decoy = hasher.hash("decoy-" + System.nanoTime());
    }

    /** Creates an account at the default desk (the default region, no agency). */
    public Account create(String username, Role role, String password) {
        return create(username, role, password, desks.defaultDesk());
    }

    /**
     * Creates an account at the desk named: a region code, {@value Desk#ALL} or absent (the default
     * region); an agency of that region or absent (none).
     *
     * @throws IllegalArgumentException for a bad name, a short password, a taken name, an unknown region or agency
     */
    public Account create(String username, Role role, String password, Optional<String> region, Optional<String> agency) {
        return create(username, role, password, desks.desk(region, agency));
    }

    private Account create(String username, Role role, String password, Desk desk) {
        String name = checkUsername(username);
        checkPassword(password);
        String hash = hasher.hash(password);
        Instant now = clock.instant();
        if (!stored.create(new StoredAccount(name, role.id(), hash, now, desk.region(), desk.agency()))) {
            throw new IllegalArgumentException("username already exists: " + name);
        }
        LOG.log(System.Logger.Level.INFO, "console account created username={0} role={1} region={2} agency={3}", name,
                role.id(), desk.regionId(), desk.agency().orElse("-"));
        return new Account(name, role, now, desk);
    }

    /** Moves an account to another desk (see {@link #create(String, Role, String, Optional, Optional)}). */
    public void setDesk(String username, Optional<String> region, Optional<String> agency) {
        Desk desk = desks.desk(region, agency);
        found(stored.setDesk(username, desk.region(), desk.agency(), clock.instant()), username);
    }

    /**
     * The first start: with no account at all, creates {@code admin} with the configured password,
     * or a random one that is logged once (it is never stored in clear).
     *
     * @return the one-time password when one was generated
     */
    public Optional<String> ensureFirstAdmin(Optional<String> configured) {
        if (!stored.isEmpty()) {
            return Optional.empty();
        }
        String password = configured.orElseGet(Accounts::oneTimePassword);
        // The first admin works everywhere: in a deployment of several regions it sets up every desk.
        create("admin", Role.ADMIN, password, Desk.EVERYWHERE);
        if (configured.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "first start: console account admin created with one-time password={0} "
                    + "(shown once; change it, or set KANAL_ADMIN_PASSWORD before the first start)", password);
        } else {
            LOG.log(System.Logger.Level.INFO, "first start: console account admin created from KANAL_ADMIN_PASSWORD");
        }
        return configured.isEmpty() ? Optional.of(password) : Optional.empty();
    }

    /** The account when the password is right. */
    public Optional<Account> verify(String username, String password) {
        Optional<StoredAccount> row = stored.find(username.strip().toLowerCase(java.util.Locale.ROOT));
        boolean ok = hasher.verify(password, row.map(StoredAccount::passwordHash).orElse(decoy));
        return ok ? row.map(Accounts::account) : Optional.empty();
    }

    public Optional<Account> find(String username) {
        return stored.find(username).map(Accounts::account);
    }

    public List<Account> list() {
        return stored.list().stream().map(Accounts::account).toList();
    }

    public void setRole(String username, Role role) {
        found(stored.setRole(username, role.id(), clock.instant()), username);
    }

    /** A new password also ends the sessions opened with the old one. */
    public void setPassword(String username, String password) {
        checkPassword(password);
        found(stored.setPasswordHash(username, hasher.hash(password), clock.instant()), username);
    }

    /** The account's console language: "id" (the default) or "en". */
    public String language(String username) {
        return stored.language(username).orElse(DEFAULT_LANGUAGE);
    }

    /** IllegalArgumentException unless "id" or "en". */
    public void setLanguage(String username, String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("language must be id or en: " + language);
        }
        found(stored.setLanguage(username, language, clock.instant()), username);
    }

    public void delete(String username) {
        found(stored.delete(username), username);
    }

    private static void found(boolean found, String username) {
        if (!found) {
            throw ConsoleException.notFound("no such account: " + username);
        }
    }

    private static Account account(StoredAccount a) {
        return new Account(a.username(), Role.of(a.role()), a.createdAt(), new Desk(a.regionCode(), a.agencyCode()));
    }

    static String checkUsername(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("username must be 2-32 characters a-z, 0-9, '.', '_' or '-': " + username);
        }
        return name;
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD + " characters");
        }
    }

    private static String oneTimePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
