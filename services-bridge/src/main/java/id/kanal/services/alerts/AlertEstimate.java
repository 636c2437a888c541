package id.kanal.services.alerts;

import java.util.List;
import java.util.Map;

/**
 * What an area alert would do, shown before sending (a JSON wire value).
 *
 * @param kelurahan     the kelurahan the area covers
 * @param recipients    residents it reaches (subscribed to the area's alerts, STOP honoured; one message each)
 * @param byChannel     messages per channel it goes out on (WhatsApp outside its 24-hour window goes by SMS)
 * @param smsSegments   SMS segments in all
 * @param estimatedCost rupiah, at the configured rates
 */
public record AlertEstimate(String areaKind, String area, List<String> kelurahan, int recipients,
                            Map<String, Integer> byChannel, int smsSegments, long estimatedCost) {
    public AlertEstimate {
        kelurahan = List.copyOf(kelurahan);
        byChannel = Map.copyOf(byChannel);
    }
}
