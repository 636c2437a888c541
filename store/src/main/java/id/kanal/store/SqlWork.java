package id.kanal.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with one connection, inside a transaction or a read. */
@FunctionalInterface
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
