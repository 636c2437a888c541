package id.kanal.app;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench-sms --url URL --token TOKEN [--connections 50] [--seconds 20]}: a closed-loop
 * load of Twilio-signed SMS webhooks against a running Kanal. Each connection is one resident
 * walking a ten-message script (menu, a complaint filed, a price, a status), so the figures
 * include real turns with database commits, not repeated cached answers.
 */
final class BenchSmsCommand {
    private static final List<String> SCRIPT = List.of("halo", "1", "2", "Jl. Merdeka {n}", "Sampah menumpuk {n}",
            "ya", "harga beras", "status TNG-000001", "menu", "bahasa id");

    private BenchSmsCommand() {
    }

    static int run(Settings settings, String[] args) throws Exception {
        Map<String, String> opts = CommandOptions.of(args);
        String url = opts.getOrDefault("url", "http://localhost:" + settings.server().port());
        String token = java.util.Optional.ofNullable(opts.get("token")).or(() -> settings.channels().of(id.kanal.channels.twilio.TwilioChannel.TYPE).authToken()).orElseThrow(() ->
                new IllegalArgumentException("--token (or KANAL_TWILIO_AUTH_TOKEN) is needed to sign requests"));
        String publicUrl = opts.getOrDefault("public-url", settings.server().baseUrl());
        int connections = Integer.parseInt(opts.getOrDefault("connections", "50"));
        Duration length = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("warmup", "5")));

        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        long runId = System.currentTimeMillis() % 100_000;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(connections);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + length.toNanos();
        for (int c = 0; c < connections; c++) {
            long[] latencies = new long[2_000_000 / connections];
            perClient.add(latencies);
            int client = c;
            Thread.ofVirtual().start(() -> {
                try {
                    int count = 0;
                    for (long i = 0; System.nanoTime() < end; i++) {
                        String phone = String.format("+6281%05d%04d", runId, client);
                        String body = SCRIPT.get((int) (i % SCRIPT.size())).replace("{n}", String.valueOf(client));
                        HttpRequest req = signed(url, publicUrl, token, "SMbench" + runId + "x" + client + "x" + i, phone, body);
                        long t0 = System.nanoTime();
                        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (res.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        if (t0 >= measureFrom && count < latencies.length) {
                            latencies[count++] = t1 - t0;
                        }
                    }
                    latencies[latencies.length - 1] = count;
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long[] all = perClient.stream().flatMapToLong(l -> Arrays.stream(l, 0, (int) l[l.length - 1])).sorted().toArray();
        double seconds = length.toNanos() / 1e9;
        System.out.printf("POST /channels/sms: %d connections, %.0f s measured after %d s warm-up%n", connections,
                seconds, warmup.toSeconds());
        System.out.printf("requests %d, %.0f requests/s, errors %d%n", all.length, all.length / seconds, errors.get());
        System.out.printf("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(all, 50), pct(all, 90),
                pct(all, 99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        return errors.get() == 0 ? 0 : 1;
    }

    private static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static HttpRequest signed(String url, String publicUrl, String token, String sid, String from, String text)
            throws Exception {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid",
                "AC00000000000000000000000000000000", "From", from, "To", "+6221500123", "Body", text, "NumMedia", "0"));
        StringBuilder encoded = new StringBuilder();
        form.forEach((k, v) -> encoded.append(encoded.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String signature = id.kanal.channels.twilio.TwilioSigner.sign(token, publicUrl + "/channels/sms", form);
        return HttpRequest.newBuilder(URI.create(url + "/channels/sms"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(encoded.toString())).build();
    }

    /** The same as {@link CommandOptions#of}, for the callers that still name it here. */
    static Map<String, String> options(String[] args) {
        return CommandOptions.of(args);
    }
}
