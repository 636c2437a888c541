package id.kanal.app.console;

import java.time.Instant;

/** A logged-in console user: who, with which role and desk, and the CSRF token every change must carry. */
record Session(String tokenHash, String username, Role role, String csrfToken, Instant expiresAt, Desk desk) {
}
