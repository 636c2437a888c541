package id.kanal.intents.cli;

import id.kanal.dialog.port.Intents;
import id.kanal.intents.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading CLINC150's {@code data_full.json} layout, on small files written here. */
class BenchmarksTest {
    @TempDir
    Path dir;

    @Test
    void clinc150_splitsAndOutOfScopeRows_areLabelled() throws IOException {
        Path file = write("""
                {"train": [["book a flight \\"now\\"", "book_flight"]], "oos_train": [["sing", "oos"]],
                 "val": [["what time", "time"]], "oos_val": [],
                 "test": [["é, ü and 中文", "translate"]], "oos_test": [["hum", "oos"]]}""");
        Benchmarks.Splits s = Benchmarks.clinc150(file);
        assertEquals(List.of(Example.of("book_flight", "book a flight \"now\""), Example.of(Intents.OUT_OF_SCOPE, "sing")),
                s.train());
        assertEquals(List.of(Example.of("time", "what time")), s.val());
        assertEquals(List.of(Example.of("translate", "é, ü and 中文"), Example.of(Intents.OUT_OF_SCOPE, "hum")), s.test());
    }

    @Test
    void clinc150_missingSplit_saysWhich() throws IOException {
        Path file = write("{\"train\": [], \"oos_train\": [], \"val\": [], \"oos_val\": [], \"test\": []}");
        IOException e = assertThrows(IOException.class, () -> Benchmarks.clinc150(file));
        assertTrue(e.getMessage().contains("'oos_test'"), e.getMessage());
    }

    @Test
    void clinc150_notAnObject_isRejected() throws IOException {
        Path file = write("[1, 2]");
        IOException e = assertThrows(IOException.class, () -> Benchmarks.clinc150(file));
        assertTrue(e.getMessage().contains("not a CLINC150 file"), e.getMessage());
    }

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("data_full.json"), json);
    }
}
