package id.kanal.intents.cli;

import id.kanal.dialog.port.Intent;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClassifyCommandTest {
    @Test
    void run_oneLinePerMessage_printsJson() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ClassifyCommand.run(text -> new Intent("price.query", 0.934, Map.of("commodity", "beras")),
                new BufferedReader(new StringReader("harga beras brp\nlagi\n")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(0, code);
        assertEquals("""
                {"text":"harga beras brp","intent":"price.query","confidence":0.93,"entities":{"commodity":"beras"}}
                {"text":"lagi","intent":"price.query","confidence":0.93,"entities":{"commodity":"beras"}}
                """, bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void toJson_specialCharacters_areEscaped() {
        String line = ClassifyCommand.toJson("a \"q\" \\ \t <script> \u0001 \uD83D\uDE00",
                new Intent("out_of_scope", 1.0, Map.of("b", "2", "a", "1")));
        assertEquals("{\"text\":\"a \\\"q\\\" \\\\ \\t \\u003cscript\\u003e \\u0001 \uD83D\uDE00\","
                + "\"intent\":\"out_of_scope\",\"confidence\":1.00,\"entities\":{\"a\":\"1\",\"b\":\"2\"}}", line);
        assertEquals(line.length(), line.strip().length());
    }

    @Test
    void nluEval_badArguments_exitCode2() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertEquals(2, NluEvalCommand.run(new String[0], out));
        assertEquals(2, NluEvalCommand.run(new String[] {"--dataset", "nope"}, out));
        assertEquals(2, NluEvalCommand.run(new String[] {"--dataset", "clinc150"}, out));
    }
}
