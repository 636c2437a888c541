package id.kanal.app.console;

import id.kanal.store.testing.OnPostgres;

/** {@link LiveRoomTest} with the board's queries on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class LiveRoomOnPostgresTest extends LiveRoomTest {
}
