package id.kanal.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatementCacheTest {
    @TempDir
    Path dir;

    private Connection open() throws Exception {
        Connection c = StatementCache.wrap(DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("t.db")));
        c.createStatement().executeUpdate("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)");
        return c;
    }

    @Test
    void closedStatement_isReused_withItsParametersCleared() throws Exception {
        try (Connection c = open()) {
            PreparedStatement first;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
                first = ps;
                ps.setInt(1, 1);
                ps.setString(2, "a");
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, v) VALUES (?, ?)")) {
                assertSame(first, ps, "the same SQL gets the kept statement");
                ps.setInt(1, 2);
                // v not set this time: a kept parameter from the first use would be a silent bug
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT v FROM t WHERE id = 2");
                 ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(null, rs.getString(1));
            }
        }
    }

    @Test
    void sameSqlWhileItsStatementIsInUse_getsAStatementOfItsOwn() throws Exception {
        try (Connection c = open()) {
            c.createStatement().executeUpdate("INSERT INTO t (id, v) VALUES (1, 'a'), (2, 'b')");
            String sql = "SELECT v FROM t WHERE id = ?";
            try (PreparedStatement outer = c.prepareStatement(sql)) {
                outer.setInt(1, 1);
                try (ResultSet rs = outer.executeQuery()) {
                    assertTrue(rs.next());
                    try (PreparedStatement inner = c.prepareStatement(sql)) {
                        assertNotSame(outer, inner);
                        inner.setInt(1, 2);
                        try (ResultSet r2 = inner.executeQuery()) {
                            assertTrue(r2.next());
                            assertEquals("b", r2.getString(1));
                        }
                    }
                    assertEquals("a", rs.getString(1), "the outer result is untouched");
                }
            }
        }
    }

    @Test
    void closingTheConnection_closesItsStatements() throws Exception {
        Connection c = open();
        PreparedStatement ps = c.prepareStatement("SELECT 1");
        ps.close();
        assertTrue(ps.isClosed(), "closed for its caller");
        c.close();
        assertTrue(c.isClosed());
        assertThrows(Exception.class, () -> c.prepareStatement("SELECT 1").executeQuery());
    }
}
