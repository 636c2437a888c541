package id.kanal.store.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Lets one test class run on SQLite and, through an empty {@link OnPostgres} subclass, on
 * PostgreSQL: register it on the SQLite class ({@code @ExtendWith(TestDatabases.class)}) and
 * take a {@link TestDatabase} in its {@code @BeforeEach} method. Under {@link OnPostgres} it keeps
 * a {@link PostgresPerClass} schema for the class, emptied ahead of each test's own setup.
 */
public final class TestDatabases implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestDatabases.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        if (context.getRequiredTestClass().isAnnotationPresent(OnPostgres.class)) {
            PostgresPerClass postgres = new PostgresPerClass();
            postgres.beforeAll(context);
            context.getStore(NAMESPACE).put(PostgresPerClass.class, postgres);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        Optional<PostgresPerClass> postgres = postgres(context);
        if (postgres.isPresent()) {
            postgres.get().beforeEach(context);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        postgres(context).ifPresent(pg -> pg.afterAll(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public TestDatabase resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new TestDatabase(postgres(context));
    }

    private static Optional<PostgresPerClass> postgres(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(PostgresPerClass.class, PostgresPerClass.class));
    }
}
