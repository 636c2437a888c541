package id.kanal.app.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kanal.app.web.ErrorMapping;
import id.kanal.app.web.Json;
import id.kanal.services.prices.ImportResult;
import id.kanal.services.prices.PriceImportException;
import id.kanal.services.prices.PriceImporter;
import id.kanal.store.DatabaseException;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * One price CSV sent over HTTP, imported whole or not at all: the part shared by the two ways in,
 * {@code POST /api/admin/prices} (bearer token, for scripts) and the console's Prices page (an
 * admin's session). Both answer with the same JSON: {@code format, rows, changed, unchanged,
 * skipped, millis} on success; the one error shape ({@code error, requestId}) with {@code row, reason}
 * and {@code imported: false} for a bad file (400), so a caller can tell the administrator which line to fix and that nothing was stored.
 */
public final class PriceUpload {
    private static final System.Logger LOG = System.getLogger(PriceUpload.class.getName());

    /** The HTTP status and JSON body to answer with. */
    public record Answer(int status, ObjectNode body) {
    }

    private PriceUpload() {
    }

    /**
     * Imports the CSV in {@code body}.
     *
     * @param source    recorded with every price and logged: where it came from ("http", "console:siti")
     * @param requestId put in an error answer, as in every error of Kanal's JSON APIs
     */
    public static Answer run(PriceImporter importer, InputStream body, String source, String requestId) {
        // The request's stream is not closed here: closing drains what is left of it, and after the
        // server refused the body (an oversized chunk) what is left is the sender's bytes, not a body.
        var reader = new InputStreamReader(body, StandardCharsets.UTF_8);
        try {
            ImportResult r = importer.importCsv(reader, source, rows -> { });
            return new Answer(200, Json.object()
                    .put("format", r.format())
                    .put("rows", r.rows())
                    .put("changed", r.changed())
                    .put("unchanged", r.unchanged())
                    .put("skipped", r.skipped())
                    .put("millis", r.took().toMillis()));
        } catch (PriceImportException e) {
            LOG.log(System.Logger.Level.INFO, "price upload rejected source={0} row={1}", source, e.row());
            return new Answer(400, ErrorMapping.body(e.getMessage(), requestId).put("row", e.row())
                    .put("reason", e.reason()).put("imported", false));
        } catch (UncheckedIOException e) {
            return new Answer(400, ErrorMapping.body("could not read the body: " + e.getMessage(), requestId)
                    .put("imported", false));
        } catch (DatabaseException e) {
            // The transaction rolled back: nothing of the file is on the board; the caller may send it again.
            LOG.log(System.Logger.Level.ERROR, "price upload failed source=" + source, e);
            return new Answer(503, ErrorMapping.body("the database is not answering; nothing was imported, try again", requestId)
                    .put("imported", false));
        }
    }
}
