package id.kanal.app;

import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.InboundMessage;
import id.kanal.dialog.PhoneNumbers;
import id.kanal.dialog.Reply;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code chat --from +62... --channel sms}: a conversation in the terminal with the same
 * engine and database as the server, so Kanal can be tried with no provider account.
 */
final class ChatCommand {
    private ChatCommand() {
    }

    static int run(Settings settings, String[] args) throws Exception {
        String from = "+6281234567890";
        Channel channel = Channel.SMS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = value(args, ++i, "--from");
                case "--channel" -> channel = channel(value(args, ++i, "--channel"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (use --from +62... --channel sms|ussd|whatsapp|telegram)");
            }
        }
        String address = channel == Channel.TELEGRAM ? from : PhoneNumbers.normalise(from)
                .orElseThrow(() -> new IllegalArgumentException("--from is not a phone number"));
        // The terminal is the conversation: start-up INFO lines (on stdout) would bury the replies.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        try (Kanal kanal = Kanal.open(settings, Main.clock())) {
            converse(kanal, new Address(channel, address),
                    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        }
        return 0;
    }

    static void converse(Kanal kanal, Address resident, BufferedReader in, PrintStream out) throws java.io.IOException {
        out.println("Chatting as " + resident.value() + " on " + resident.channel().id()
                + ". Type a message (e.g. halo); Ctrl-D ends.");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Reply reply = kanal.engine().handle(InboundMessage.text("chat-" + UUID.randomUUID(), resident, line,
                    kanal.clock().instant()));
            out.println(reply.text());
            out.println();
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static Channel channel(String id) {
        try {
            return Channel.of(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--channel must be sms, ussd, whatsapp or telegram: " + id);
        }
    }
}
