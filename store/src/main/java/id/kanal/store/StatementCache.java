package id.kanal.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prepared statements kept per SQLite connection. SQLite compiles a statement on every
 * {@code prepareStatement} (sqlite-jdbc has no cache of its own, unlike PostgreSQL's server-side
 * prepare), and a turn runs the same handful of statements each time: compiling them again was a
 * visible share of a turn's CPU. A statement closed by its caller is reset (parameters, batch, open
 * result set) and kept; the same SQL asked for while its statement is still in use gets a fresh,
 * uncached one. At most {@link #SIZE} statements per connection, least recently used closed first.
 */
final class StatementCache {
    static final int SIZE = 128;

    private StatementCache() {
    }

    /** The connection, with {@code prepareStatement(String)} served from its own cache. */
    static Connection wrap(Connection raw) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new ConnectionHandler(raw));
    }

    private static final class Cached {
        final PreparedStatement statement;
        final PreparedStatement handle;
        final int parameters;
        boolean inUse;
        /** The result set this use was handed, closed at {@code close} if its user left it open. */
        private ResultSet handedOut;

        Cached(PreparedStatement statement) throws SQLException {
            this.statement = statement;
            this.parameters = statement.getParameterMetaData().getParameterCount();
            this.handle = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[]{PreparedStatement.class}, this::invoke);
        }

        private Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            switch (m.getName()) {
                case "close" -> {
                    try {
                        reset();
                    } catch (SQLException | RuntimeException e) {
                        // Not reusable as it is (a statement SQLite stopped, say): closed, so the next use prepares
                        // it again, instead of being left in use, which made every later use uncached.
                        closeQuietly(statement);
                    } finally {
                        inUse = false;
                    }
                    return null;
                }
                case "isClosed" -> {
                    return !inUse;
                }
                default -> {
                    Object result = call(statement, m, args);
                    if (result instanceof ResultSet rs) {
                        handedOut = rs;
                    }
                    return result;
                }
            }
        }

        /** Back to as-prepared: a later user must see none of this one's parameters or results. */
        private void reset() throws SQLException {
            // The result set it handed out, not getResultSet(): on a statement whose results were closed that
            // opens them again (reading every column's name from SQLite) only to be closed here.
            ResultSet open = handedOut;
            handedOut = null;
            if (open != null && !open.isClosed()) {
                open.close();
            }
            // Not clearParameters(): sqlite3_clear_bindings expires a statement whose plan looked at a
            // parameter (expmask), and its next step compiles it again: a filing's duplicate search and
            // orphan look-up cost 11-15 us instead of 3. sqlite-jdbc binds every parameter from its own
            // array at each execute, so nulls there reset the statement as well, without the native call.
            for (int i = 1; i <= parameters; i++) {
                statement.setNull(i, Types.NULL);
            }
            statement.clearBatch();
        }
    }

    private static final class ConnectionHandler implements InvocationHandler {
        private final Connection raw;
        private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                if (size() > SIZE && !eldest.getValue().inUse) {
                    closeQuietly(eldest.getValue().statement);
                    return true;
                }
                return false;
            }
        };

        ConnectionHandler(Connection raw) {
            this.raw = raw;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            if (m.getName().equals("prepareStatement") && args != null && args.length == 1) {
                return prepare((String) args[0]);
            }
            if (m.getName().equals("close")) {
                cache.values().forEach(c -> closeQuietly(c.statement));
                cache.clear();
            }
            return call(raw, m, args);
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            Cached cached = cache.get(sql);
            if (cached != null && cached.inUse) {
                return raw.prepareStatement(sql); // the same SQL nested inside its own use: a statement of its own
            }
            if (cached == null || cached.statement.isClosed()) {
                cached = new Cached(raw.prepareStatement(sql));
                cache.put(sql, cached);
            }
            cached.inUse = true;
            return cached.handle;
        }
    }

    private static Object call(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void closeQuietly(PreparedStatement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // closing a statement of a connection that is going away
        }
    }
}
