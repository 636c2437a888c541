package id.kanal.services.console;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A labelled count (a JSON wire value); for a code list, a code and its name with count 0. */
public record LabelledCount(String key, String label, long count) {
    /** A row of (key, label, count). */
    static LabelledCount counted(ResultSet rs) throws SQLException {
        return new LabelledCount(rs.getString(1), rs.getString(2), rs.getLong(3));
    }

    /** A row of (code, name). */
    static LabelledCount code(ResultSet rs) throws SQLException {
        return new LabelledCount(rs.getString(1), rs.getString(2), 0);
    }
}
