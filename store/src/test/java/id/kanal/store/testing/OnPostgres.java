package id.kanal.store.testing;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class's tests on PostgreSQL ({@code KANAL_TEST_PG_URL}; skipped without it): put it
 * on an empty subclass of a test class that opens its database through a {@link TestDatabase}
 * parameter ({@link TestDatabases}). The class gets one schema, emptied before each test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = ".+")
public @interface OnPostgres {
}
