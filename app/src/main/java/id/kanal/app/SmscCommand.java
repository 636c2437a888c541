package id.kanal.app;

import id.kanal.channels.smpp.LocalSmsc;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code smsc [--port 2775] [--system-id kanal] [--password kanal] [--from 6281234567890] [--to 1708]}:
 * a local SMSC on loopback with a prompt. Each line is what the resident sends: a text goes as an
 * SMS, {@code ussd *123#} dials the USSD code, and while a USSD session waits for input each line
 * answers it. What Kanal submits is printed as it arrives. Kanal runs in another terminal with
 * {@code KANAL_SMPP_*} pointing here (the banner prints the line).
 */
final class SmscCommand {
    private SmscCommand() {
    }

    static int run(Settings settings, String[] args) throws Exception {
        return run(args, System.in, System.out);
    }

    static int run(String[] args, InputStream in, PrintStream out) throws Exception {
        Map<String, String> opts = BenchSmsCommand.options(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "2775"));
        String systemId = opts.getOrDefault("system-id", "kanal");
        String password = opts.getOrDefault("password", "kanal");
        String from = opts.getOrDefault("from", "6281234567890");
        String to = opts.getOrDefault("to", "1708");
        AtomicBoolean ussdOpen = new AtomicBoolean();
        AtomicInteger sessions = new AtomicInteger(1);
        try (LocalSmsc smsc = LocalSmsc.start(port, systemId, password)) {
            out.printf("Local SMSC on 127.0.0.1:%d (system_id=%s, password=%s). Start Kanal in another terminal:%n",
                    smsc.port(), systemId, password);
            // ./dev java, not java -jar: the machine's default java may be older than the JDK 21 Kanal needs.
            out.printf("  KANAL_SMPP_HOST=127.0.0.1 KANAL_SMPP_PORT=%d KANAL_SMPP_SYSTEM_ID=%s KANAL_SMPP_PASSWORD=%s "
                    + "KANAL_SMPP_SOURCE_ADDR=%s KANAL_SMPP_USSD_CODE='*123#' ./dev java%n",
                    smsc.port(), systemId, password, to);
            out.printf("Type as the resident %s: a line is an SMS, 'ussd *123#' dials, 'quit' ends.%n", from);
            smsc.onSubmit(s -> {
                if (s.ussdOp().isPresent()) {
                    boolean waits = s.ussdOp().get() == 2;
                    ussdOpen.set(waits);
                    out.printf("%n< USSD%s%n%s%n%s", waits ? " (answer with a line)" : " (session ended)", s.text(), prompt(ussdOpen));
                } else {
                    String part = s.parts() > 1 ? " [" + s.part() + "/" + s.parts() + "]" : "";
                    out.printf("%n< SMS from %s%s: %s%n%s", s.from(), part, s.text(), prompt(ussdOpen));
                }
            });
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            out.print(prompt(ussdOpen));
            for (String line; (line = lines.readLine()) != null; ) {
                String text = line.strip();
                if (text.equals("quit") || text.equals("exit")) {
                    break;
                }
                if (text.isEmpty()) {
                    out.print(prompt(ussdOpen));
                    continue;
                }
                try {
                    if (text.startsWith("ussd ")) {
                        ussdOpen.set(false);
                        smsc.ussd(from, to, 1, text.substring(5).strip(), sessions.incrementAndGet() << 1);
                    } else if (ussdOpen.get()) {
                        smsc.ussd(from, to, 18, text, sessions.get() << 1);
                    } else {
                        smsc.sms(from, to, text);
                    }
                } catch (IllegalStateException e) {
                    out.println("! " + e.getMessage() + " (is Kanal running with KANAL_SMPP_* set?)");
                    out.print(prompt(ussdOpen));
                }
            }
        }
        return 0;
    }

    private static String prompt(AtomicBoolean ussdOpen) {
        return ussdOpen.get() ? "ussd> " : "> ";
    }
}
