package id.kanal.store.console;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console's accounts as stored: names, roles (by id), password hashes. Checking names and
 * passwords, hashing and verifying belong to the caller; this keeps the rows.
 */
public interface ConsoleAccounts {
    /**
     * An account row; {@code role} is the role's id ("agent", "supervisor", "admin"). The desk: the
     * region it belongs to (empty: every region) and its agency (empty: none, it sees every agency's).
     */
    record StoredAccount(String username, String role, String passwordHash, Instant createdAt,
                         Optional<String> regionCode, Optional<String> agencyCode) {
        public StoredAccount {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(passwordHash, "passwordHash");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(regionCode, "regionCode");
            Objects.requireNonNull(agencyCode, "agencyCode");
        }

        /** An account of every region and no agency. */
        public StoredAccount(String username, String role, String passwordHash, Instant createdAt) {
            this(username, role, passwordHash, createdAt, Optional.empty(), Optional.empty());
        }
    }

    /** Adds the account; false (and nothing written) when the name is taken. */
    boolean create(StoredAccount account);

    boolean isEmpty();

    Optional<StoredAccount> find(String username);

    /** Every account, by name. */
    List<StoredAccount> list();

    /** Moves the account to another desk (empty: every region, no agency); false when there is no such account. */
    boolean setDesk(String username, Optional<String> regionCode, Optional<String> agencyCode, Instant at);

    /** @return false when there is no such account */
    boolean setRole(String username, String role, Instant at);

    /** Replaces the hash and ends the account's sessions (opened with the old password). */
    boolean setPasswordHash(String username, String passwordHash, Instant at);

    /** The account's console language ("id" or "en"); empty when there is no such account. */
    Optional<String> language(String username);

    /** @return false when there is no such account */
    boolean setLanguage(String username, String language, Instant at);

    /** Deletes the account and its sessions; false when there is no such account. */
    boolean delete(String username);
}
