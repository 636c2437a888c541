package id.kanal.services.timetable;

import id.kanal.store.testing.OnPostgres;

/** {@link GtfsTimetableTest}'s tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it). */
@OnPostgres
class GtfsTimetableOnPostgresTest extends GtfsTimetableTest {
}
