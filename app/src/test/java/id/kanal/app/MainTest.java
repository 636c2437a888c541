package id.kanal.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line: {@code --help} lists the commands of the outside contract; a typo says so. */
class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void help_listsEveryCommand_serveAsTheDefault() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String command : List.of("serve", "chat --from", "classify", "nlu-eval", "import-prices", "import-gtfs",
                "import-pack --region", "add-agent", "bench-sms")) {
            assertTrue(help.contains("\n  " + command), command + " missing from:\n" + help);
        }
        assertTrue(help.contains("start the server (default)"), help);
    }

    @Test
    void unknownCommand_exits2AndShowsTheCommands() {
        assertEquals(2, run("srve"));
        String shown = err.toString(StandardCharsets.UTF_8);
        assertTrue(shown.startsWith("unknown command: srve"), shown);
        assertTrue(shown.contains("\n  serve"), shown);
    }
}
