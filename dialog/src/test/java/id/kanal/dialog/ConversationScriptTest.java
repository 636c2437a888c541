package id.kanal.dialog;

import id.kanal.dialog.testing.RecordingResidents;

import id.kanal.dialog.testing.MutableClock;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Runs every conversation in {@code src/test/resources/conversations} (format in its README.md). */
class ConversationScriptTest {
    private static final Path DIR = Path.of("src/test/resources/conversations");
    /** The longest reply seen on each channel, printed for the record (issue 14's figures). */
    private static final java.util.Map<Channel, String> LONGEST = new java.util.concurrent.ConcurrentHashMap<>();

    @org.junit.jupiter.api.AfterAll
    static void printLongestReplies() {
        LONGEST.forEach((channel, text) -> System.out.printf("longest reply %s: %d characters, %d SMS segments: %s%n",
                channel.id(), text.length(), Gsm7.segments(text), text.replace("\n", " | ")));
    }

    @TestFactory
    Stream<DynamicTest> everyScriptedConversation() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(DIR)) {
            scripts = files.filter(p -> p.toString().endsWith(".conv")).sorted().toList();
        }
        assertTrue(scripts.size() >= 10, "scripts found: " + scripts.size());
        return scripts.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)));
    }

    private static void run(Path script) throws IOException {
        List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
        Fakes.Conversations store = new Fakes.Conversations();
        Fakes.Complaints complaints = new Fakes.Complaints(clock);
        RecordingResidents residents = new RecordingResidents();
        Channel channel = Channel.SMS;
        OpeningHours hours = OpeningHours.always();
        DialogEngine engine = null;
        Address resident = null;
        Reply last = null;
        int n = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String where = script.getFileName() + ":" + (i + 1) + " ";
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("channel:")) {
                channel = Channel.of(line.substring(8));
                continue;
            }
            if (line.startsWith("hours:")) {
                hours = line.substring(6).strip().equals("office") ? OpeningHours.officeHours() : OpeningHours.always();
                continue;
            }
            if (engine == null) {
                engine = new DialogEngine(DialogSettings.tangerang().withAgentHours(hours), Texts.builtIn(),
                        new DialogServices(store, residents, new KeywordIntentClassifier(), complaints,
                                new Fakes.Prices(clock), new Fakes.Schedules()), clock);
                resident = new Address(channel, channel == Channel.TELEGRAM ? "123456789" : "+6281234567890");
            }
            if (line.startsWith("> ") || line.startsWith(">photo ") || line.startsWith(">location ")) {
                last = engine.handle(message("M" + (++n), resident, line, clock.instant()));
                LONGEST.merge(channel, last.text(), (a, b) -> b.length() > a.length() ? b : a);
                if (channel.isNarrow() && !last.isSilent()) {
                    assertTrue(Gsm7.isGsm7(last.text()) && Gsm7.segments(last.text()) <= 2, where + "too long for SMS: " + last.text());
                }
            } else if (line.startsWith("<silent")) {
                assertTrue(last.isSilent(), where + "expected no reply, got: " + last.text());
            } else if (line.startsWith("<! ")) {
                assertFalse(last.text().contains(line.substring(3)), where + "reply should not hold '"
                        + line.substring(3) + "': " + last.text());
            } else if (line.startsWith("< ")) {
                assertTrue(last.text().contains(line.substring(2)), where + "reply lacks '" + line.substring(2)
                        + "':\n" + last.text());
            } else if (line.startsWith("= ")) {
                assertEquals(line.substring(2).strip(), StateCodec.typeOf(store.conversations.get(resident).state()), where);
            } else if (line.startsWith("@ ")) {
                clock.advance(duration(line.substring(2).strip()));
            } else if (line.startsWith("! ")) {
                String[] words = line.substring(2).strip().split(" ");
                switch (words[0]) {
                    case "take" -> assertTrue(engine.assignAgent(resident, words[1]), where);
                    case "take-fails" -> assertFalse(engine.assignAgent(resident, words[1]), where);
                    case "hand-back" -> assertTrue(engine.handBack(resident, words[1]).isPresent(), where);
                    case "filed" -> assertEquals(Integer.parseInt(words[1]), complaints.filed.size(), where);
                    case "photos" -> assertEquals(Integer.parseInt(words[1]), complaints.filed.getLast().photos().size(), where);
                    case "point" -> assertEquals(Optional.of(point(words[1])), complaints.filed.getLast().point(), where);
                    case "opted-out" -> assertEquals(words[1].equals("yes"), residents.isOptedOut(resident), where);
                    case "language" -> assertEquals(Optional.of(Language.of(words[1])), residents.language(resident), where);
                    default -> fail(where + "unknown directive " + words[0]);
                }
            } else {
                fail(where + "cannot read line: " + line);
            }
        }
    }

    /** {@code > text}, {@code >photo URL [text]} or {@code >location LAT,LONG [text]}. */
    private static InboundMessage message(String id, Address from, String line, Instant at) {
        if (line.startsWith("> ")) {
            return InboundMessage.text(id, from, line.substring(2), at);
        }
        String[] parts = line.split(" ", 3);
        String text = parts.length > 2 ? parts[2] : "";
        if (parts[0].equals(">photo")) {
            return new InboundMessage(id, from, text, List.of(new Media(parts[1], "image/jpeg")), Optional.empty(), at);
        }
        return new InboundMessage(id, from, text, List.of(), Optional.of(point(parts[1])), at);
    }

    private static GeoPoint point(String latLong) {
        String[] ll = latLong.split(",");
        return new GeoPoint(Double.parseDouble(ll[0]), Double.parseDouble(ll[1]));
    }

    private static Duration duration(String s) {
        long v = Long.parseLong(s.substring(0, s.length() - 1));
        return switch (s.charAt(s.length() - 1)) {
            case 'm' -> Duration.ofMinutes(v);
            case 'h' -> Duration.ofHours(v);
            case 'd' -> Duration.ofDays(v);
            default -> throw new IllegalArgumentException("duration: " + s);
        };
    }
}
