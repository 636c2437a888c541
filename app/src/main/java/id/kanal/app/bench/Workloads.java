package id.kanal.app.bench;

import id.kanal.channels.twilio.TwilioSigner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The requests of each benchmark target, as raw HTTP bytes. */
final class Workloads {
    /** Residents taking part; each connection walks its own share of them in turn. */
    static final int RESIDENTS = 20_000;

    /**
     * What residents send, in the order one resident sends it: greetings, menu digits, price,
     * schedule and status questions and a complaint told in one message, then its confirmation.
     */
    static final List<String> SMS_MIX = List.of("halo", "3", "beras", "harga cabe rawit di pasar anyar",
            "jadwal kereta dari tangerang ke duri", "menu", "2", "status TNG-000001",
            "sampah numpuk di pasar lama udah seminggu", "ya", "hrg minyak goreng brp", "0");

    /** A USSD session: the first screen, the price menu, the first commodity. */
    static final List<String> USSD_SESSION = List.of("", "3", "3*1");

    private Workloads() {
    }

    /** Twilio-signed SMS webhooks, each with its own MessageSid. */
    static HttpLoad.Requests sms(String publicUrl, String authToken, int connections) {
        long run = System.currentTimeMillis() % 1_000_000;
        TwilioSigner signer = TwilioSigner.forToken(authToken);
        return new HttpLoad.Requests() {
            @Override
            public byte[] request(int connection, long n) {
                int resident = (int) (connection + (n % residentsPer(connections)) * connections);
                Map<String, String> form = new TreeMap<>(Map.of(
                        "MessageSid", "SMbench" + run + "c" + connection + "n" + n,
                        "AccountSid", "AC00000000000000000000000000000000",
                        "From", phone(resident), "To", "+6221500123", "Body", SMS_MIX.get(kind(connection, n)),
                        "NumMedia", "0"));
                return HttpLoad.formPost("/channels/sms", encode(form),
                        "X-Twilio-Signature", signer.sign(publicUrl + "/channels/sms", form));
            }

            /** The step of the mix, which is the message's index in {@link #SMS_MIX}. */
            @Override
            public int kind(int connection, long n) {
                long step = n / residentsPer(connections);
                int resident = (int) (connection + (n % residentsPer(connections)) * connections);
                // Each resident starts at its own place in the mix (then walks it in order), so every step of
                // it, the complaint and its confirmation included, runs in any window: walked in lockstep, a
                // 13-second run never reached the complaints, and hid their cost.
                return (int) ((step + resident) % SMS_MIX.size());
            }
        };
    }

    /** USSD gateway callbacks (Africa's Talking format) with the shared secret. */
    static HttpLoad.Requests ussd(String secret, int connections) {
        long run = System.currentTimeMillis() % 1_000_000;
        return (connection, n) -> {
            long session = n / USSD_SESSION.size();
            int resident = (int) (connection + (session % residentsPer(connections)) * connections);
            Map<String, String> form = new TreeMap<>(Map.of("sessionId", "bench" + run + "c" + connection + "s" + session,
                    "serviceCode", "*123#", "phoneNumber", phone(resident), "networkCode", "51010",
                    "text", USSD_SESSION.get((int) (n % USSD_SESSION.size()))));
            return HttpLoad.formPost("/channels/ussd?key=" + URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    encode(form));
        };
    }

    /** The bare route's request: a Twilio-sized form body. */
    static HttpLoad.Requests bare() {
        Map<String, String> form = new TreeMap<>(Map.of("MessageSid", "SM00000000000000000000000000000000",
                "AccountSid", "AC00000000000000000000000000000000", "From", phone(0), "To", "+6221500123",
                "Body", "halo", "NumMedia", "0"));
        byte[] request = HttpLoad.formPost("/channels/sms", encode(form), "X-Twilio-Signature", "unchecked");
        return (connection, n) -> request;
    }

    private static int residentsPer(int connections) {
        return Math.max(1, RESIDENTS / connections);
    }

    static String phone(int resident) {
        return String.format("+62819%07d", resident);
    }

    private static String encode(Map<String, String> form) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return sb.toString();
    }
}
