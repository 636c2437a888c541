package id.kanal.dialog;

import id.kanal.dialog.testing.RecordingResidents;

import id.kanal.dialog.testing.MutableClock;

import id.kanal.dialog.port.NewComplaint;
import id.kanal.dialog.port.Turn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** 1,000 residents with 10 turns each, all at once: no conversation crosses another. */
class ManyResidentsTest {
    private static final int RESIDENTS = 1_000;
    private static final Pattern TICKET = Pattern.compile("TNG-\\d{6}");

    @Test
    void handle_thousandResidentsInParallel_eachConversationStaysItsOwn() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T03:00:00Z"));
        Fakes.Conversations store = new Fakes.Conversations();
        Fakes.Complaints complaints = new Fakes.Complaints(clock);
        DialogEngine engine = new DialogEngine(DialogSettings.tangerang(), Texts.builtIn(),
                new DialogServices(store, new RecordingResidents(), new KeywordIntentClassifier(), complaints,
                        new Fakes.Prices(clock), new Fakes.Schedules()), clock);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < RESIDENTS; i++) {
            int n = i;
            results.add(pool.submit(() -> converse(engine, clock, n)));
        }
        for (Future<String> f : results) {
            assertEquals("ok", f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertEquals(RESIDENTS, complaints.filed.size());
        for (NewComplaint c : complaints.filed) {
            String number = c.reporter().value().substring(c.reporter().value().length() - 4);
            assertEquals("Jl. Warga " + Integer.parseInt(number), c.location());
        }
        Map<Address, List<Turn>> byResident = store.turns.stream().collect(Collectors.groupingBy(t -> t.inbound().from()));
        assertEquals(RESIDENTS, byResident.size());
        for (List<Turn> turns : byResident.values()) {
            assertEquals(10, turns.size());
            for (int i = 0; i < turns.size(); i++) {
                assertEquals("M" + i, turns.get(i).inbound().providerMessageId().split("/")[1], "turn order");
            }
        }
    }

    private static String converse(DialogEngine engine, MutableClock clock, int n) {
        Address me = new Address(Channel.SMS, String.format("+62812%08d", n));
        List<String> script = List.of("halo", "1", "2", "Keluhan warga nomor " + n, "Jl. Warga " + n, "ya", "STATUS",
                "menu", "3", "1");
        String ticket = null;
        for (int i = 0; i < script.size(); i++) {
            String text = script.get(i);
            if (text.equals("STATUS")) {
                text = "status " + ticket;
            }
            Reply r = engine.handle(InboundMessage.text(me.value() + "/M" + i, me, text, clock.instant()));
            if (i == 5) {
                Matcher m = TICKET.matcher(r.text());
                assertTrue(m.find(), r.text());
                ticket = m.group();
            }
            if (i == 6 && !r.text().contains("Jl. Warga " + n + ")")) {
                return "resident " + n + " got another's status: " + r.text();
            }
        }
        return "ok";
    }
}
