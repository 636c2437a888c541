package id.kanal.app.console;

import id.kanal.store.testing.OnPostgres;

/** {@link ConsoleBusyShiftTest} (search, export, trends, auto-assignment) on PostgreSQL ({@code KANAL_TEST_PG_URL}). */
@OnPostgres
class ConsoleBusyShiftOnPostgresTest extends ConsoleBusyShiftTest {
}
