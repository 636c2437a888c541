package id.kanal.store.console;

import java.time.Instant;
import java.util.List;

/** The canned replies every agent reads and supervisors keep. */
public interface CannedReplies {
    /** Every canned reply, by title. */
    List<CannedReply> list();

    void add(CannedReply reply, String createdBy, Instant at);

    /** Deletes it if it exists. */
    void delete(String id);
}
