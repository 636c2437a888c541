package id.kanal.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Open311 GeoReport v2 server through real routing, each answer checked field by field
 * against the spec's examples (https://wiki.open311.org/GeoReport_v2).
 */
class Open311ServiceTest extends KanalOnServer {
    /** The fields of the spec's example answers. */
    private static final Set<String> SERVICE_FIELDS = Set.of("service_code", "service_name", "description", "metadata",
            "type", "keywords", "group");
    private static final Set<String> REQUEST_FIELDS = Set.of("service_request_id", "status", "status_notes",
            "service_name", "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
            "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    private static final ObjectMapper JSON = new ObjectMapper();

    Open311ServiceTest() {
        super(Map.of("KANAL_OPEN311_API_KEY", "key-one, key-two"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return kanal.get("/open311/v2" + path);
    }

    private HttpResponse<String> post(Map<String, String> form) throws Exception {
        return kanal.formPost("/open311/v2/requests.json", form);
    }

    private static Map<String, String> pothole(String apiKey) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        form.put("service_code", "jalan-rusak");
        form.put("lat", "-6.1783");
        form.put("long", "106.6319");
        form.put("address_string", "Jl. Merdeka 5, Sukasari");
        form.put("description", "Lubang besar di tengah jalan");
        form.put("media_url", "https://example.org/photos/1.jpg");
        return form;
    }

    private static JsonNode json(HttpResponse<String> res) throws Exception {
        return JSON.readTree(res.body());
    }

    private static Set<String> fields(JsonNode node) {
        Set<String> out = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static void assertError(HttpResponse<String> res, int code, String text) throws Exception {
        assertEquals(code, res.statusCode(), res.body());
        assertTrue(res.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = json(res);
        assertTrue(body.isArray() && body.size() == 1, res.body());
        assertEquals(Set.of("code", "description"), fields(body.get(0)));
        assertEquals(code, body.get(0).get("code").asInt());
        assertTrue(body.get(0).get("description").asText().contains(text), res.body());
    }

    @Test
    void services_listsEveryCategoryWithTheSpecsFields() throws Exception {
        HttpResponse<String> res = get("/services.json");
        assertEquals(200, res.statusCode());
        JsonNode services = json(res);
        assertEquals(kanal.kanal().complaints().categories().size(), services.size());
        JsonNode first = services.get(0);
        assertEquals(SERVICE_FIELDS, fields(first));
        assertEquals("jalan-rusak", first.get("service_code").asText());
        assertEquals("Jalan rusak", first.get("service_name").asText());
        assertTrue(first.get("metadata").isBoolean() && !first.get("metadata").asBoolean());
        assertEquals("realtime", first.get("type").asText());
        assertEquals("Dinas PUPR", first.get("group").asText());
        assertTrue(first.get("keywords").asText().contains("lubang"));
    }

    @Test
    void serviceDefinition_noAttributes_unknownIs404() throws Exception {
        JsonNode def = json(get("/services/sampah.json"));
        assertEquals(Set.of("service_code", "attributes"), fields(def));
        assertEquals("sampah", def.get("service_code").asText());
        assertTrue(def.get("attributes").isArray() && def.get("attributes").isEmpty());
        assertError(get("/services/nope.json"), 404, "service_code not found");
    }

    @Test
    void postRequest_answersTheSpecsFormAndTheRequestReadsBack() throws Exception {
        HttpResponse<String> res = post(pothole("key-two"));
        assertEquals(201, res.statusCode(), res.body());
        JsonNode answer = json(res);
        assertEquals(1, answer.size());
        assertEquals(Set.of("service_request_id", "service_notice", "account_id"), fields(answer.get(0)));
        assertEquals("TNG-000001", answer.get(0).get("service_request_id").asText());
        assertEquals("Routed to Dinas PUPR.", answer.get(0).get("service_notice").asText());
        assertTrue(answer.get(0).get("account_id").isNull());

        for (String path : List.of("/requests/TNG-000001.json", "/requests.json?service_request_id=TNG-000001",
                "/requests.json", "/requests.json?status=open&service_code=jalan-rusak,sampah",
                "/requests.json?start_date=2026-11-22T09:00:00%2B07:00&end_date=2026-11-22T11:00:00%2B07:00")) {
            JsonNode list = json(get(path + (path.contains("?") ? "&" : "?") + "api_key=key-one"));
            assertEquals(1, list.size(), path);
            JsonNode r = list.get(0);
            assertEquals(REQUEST_FIELDS, fields(r), path);
            assertEquals("TNG-000001", r.get("service_request_id").asText());
            assertEquals("open", r.get("status").asText());
            assertEquals("routed to Dinas PUPR", r.get("status_notes").asText());
            assertEquals("Jalan rusak", r.get("service_name").asText());
            assertEquals("jalan-rusak", r.get("service_code").asText());
            assertEquals("Lubang besar di tengah jalan", r.get("description").asText());
            assertEquals("Dinas PUPR", r.get("agency_responsible").asText());
            assertTrue(r.get("service_notice").isNull());
            assertEquals("2026-11-22T10:00:00+07:00", r.get("requested_datetime").asText());
            assertEquals("2026-11-22T10:00:00+07:00", r.get("updated_datetime").asText());
            assertEquals("2026-12-06T10:00:00+07:00", r.get("expected_datetime").asText(), "14 days for damaged roads");
            assertEquals("Jl. Merdeka 5, Sukasari", r.get("address").asText());
            assertTrue(r.get("address_id").isNull() && r.get("zipcode").isNull());
            assertEquals(-6.1783, r.get("lat").asDouble());
            assertEquals(106.6319, r.get("long").asDouble());
            assertTrue(r.get("lat").isNumber());
            assertEquals("https://example.org/photos/1.jpg", r.get("media_url").asText());
        }
        JsonNode open = json(get("/requests/TNG-000001.json")).get(0);
        assertEquals(REQUEST_FIELDS, fields(open));
        assertEquals("open", open.get("status").asText());
        assertEquals("Dinas PUPR", open.get("agency_responsible").asText());
        for (String personal : List.of("description", "address", "status_notes", "media_url")) {
            assertTrue(open.get(personal).isNull(), "without a key, no " + personal + ": " + open);
        }
        assertEquals(-6.178, open.get("lat").asDouble(), "the street, not the house");
        assertEquals(106.632, open.get("long").asDouble());
        assertError(get("/requests/TNG-000001.json?api_key=wrong"), 403, "api_key");
        assertEquals(0, json(get("/requests.json?status=closed")).size());
        assertEquals(0, json(get("/requests.json?service_code=sampah")).size());
        assertEquals(0, json(get("/requests.json?start_date=2026-11-23T00:00:00Z")).size());
    }

    @Test
    void getRequest_telegramPhoto_isNoMediaUrl() throws Exception {
        String ticket = kanal.kanal().complaints().file(new id.kanal.dialog.port.NewComplaint("tg:1",
                new id.kanal.dialog.Address(id.kanal.dialog.Channel.TELEGRAM, "523901877"), "sampah", "Pasar Anyar", "Bau",
                Optional.empty(), List.of(new id.kanal.dialog.Media("telegram-file:AgACAgUAAxkBAAIBoGc-large", "image/jpeg"))))
                .ticket();
        JsonNode r = json(get("/requests/" + ticket + ".json")).get(0);
        assertTrue(r.get("media_url").isNull(), r.toString());
    }

    @Test
    void getRequest_whatsAppPhoto_twilioUrlNeverPublished() throws Exception {
        String ticket = kanal.kanal().complaints().file(new id.kanal.dialog.port.NewComplaint("wa:1",
                new id.kanal.dialog.Address(id.kanal.dialog.Channel.WHATSAPP, "+6285711112222"), "sampah", "Pasar Anyar", "Bau",
                Optional.empty(), List.of(new id.kanal.dialog.Media("https://api.twilio.com/2010-04-01/Accounts/"
                        + "AC00000000000000000000000000000000/Messages/MM1/Media/ME1", "image/jpeg")))).ticket();
        JsonNode r = json(get("/requests/" + ticket + ".json?api_key=key-one")).get(0);
        assertEquals("Bau", r.get("description").asText(), "a key holder sees the details");
        assertTrue(r.get("media_url").isNull(), r.toString());
    }

    @Test
    void reads_withPublicReadsOff_needAKey() throws Exception {
        post(pothole("key-one"));
        try (KanalHarness closed = new KanalHarness(dataDir.resolve("closed"), java.time.Clock.systemUTC(),
                Map.of("KANAL_OPEN311_API_KEY", "key-one", "KANAL_OPEN311_PUBLIC_READS", "false"))) {
            HttpResponse<String> res = closed.get("/open311/v2/requests.json");
            assertEquals(403, res.statusCode(), res.body());
            assertTrue(res.body().contains("api_key"), res.body());
            assertEquals(200, closed.get("/open311/v2/requests.json?api_key=key-one").statusCode());
            assertEquals(200, closed.get("/open311/v2/services.json").statusCode(), "the service list stays public");
        }
    }

    @Test
    void postRequest_closedAfterStaffResolves() throws Exception {
        post(pothole("key-one"));
        kanal.kanal().complaints().changeStatus("TNG-000001", id.kanal.dialog.port.ComplaintStatus.RESOLVED,
                "staff:budi", "Sudah ditambal");
        JsonNode r = json(get("/requests/tng-000001.json?api_key=key-one")).get(0);
        assertEquals("closed", r.get("status").asText());
        assertEquals("Sudah ditambal", r.get("status_notes").asText());
    }

    @Test
    void postRequest_sameProblemAgain_linkedAndSaysSo() throws Exception {
        post(pothole("key-one"));
        JsonNode second = json(post(pothole("key-one"))).get(0);
        assertEquals("TNG-000002", second.get("service_request_id").asText());
        assertTrue(second.get("service_notice").asText().contains("TNG-000001"), second.toString());
    }

    @Test
    void postRequest_apiKeyMissingOrWrong_refused403() throws Exception {
        Map<String, String> noKey = pothole("x");
        noKey.remove("api_key");
        assertError(post(noKey), 403, "api_key");
        assertError(post(pothole("key-three")), 403, "Invalid api_key");
        assertError(get("/requests/TNG-000001.json"), 404, "not found");
    }

    @Test
    void postRequest_badInput_refused400() throws Exception {
        Map<String, String> noService = pothole("key-one");
        noService.remove("service_code");
        assertError(post(noService), 400, "service_code is required");
        Map<String, String> unknown = pothole("key-one");
        unknown.put("service_code", "nope");
        assertError(post(unknown), 404, "service_code not found");
        Map<String, String> nowhere = pothole("key-one");
        nowhere.remove("lat");
        nowhere.remove("long");
        nowhere.remove("address_string");
        assertError(post(nowhere), 400, "location is required");
        assertError(get("/requests.json?status=pending"), 400, "open or closed");
        assertError(get("/requests.json?start_date=yesterday"), 400, "ISO 8601");
    }

    @Test
    void postRequest_noApiKeyConfigured_filingRefused() throws Exception {
        startAgain(clock(), Map.of());
        assertError(post(pothole("key-one")), 403, "disabled");
        assertEquals(200, get("/services.json").statusCode(), "reads stay open");
    }

    @Test
    void postRequest_withPhone_reporterIsToldBySms() throws Exception {
        Map<String, String> form = pothole("key-one");
        form.put("phone", "081234567890");
        post(form);
        kanal.kanal().complaints().changeStatus("TNG-000001", id.kanal.dialog.port.ComplaintStatus.IN_PROGRESS,
                "staff:budi", "");
        List<String> outbox = new ArrayList<>(kanal.kanal().database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT channel, address FROM outbox")) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return out;
        }));
        assertEquals(List.of("sms +6281234567890"), outbox);
    }
}
