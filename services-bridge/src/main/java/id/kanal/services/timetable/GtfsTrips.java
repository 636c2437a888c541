package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Puts a feed's trips together from trips.txt, stop_times.txt and frequencies.txt, as {@link GtfsParser} read them. */
final class GtfsTrips {
    private GtfsTrips() {
    }

    /** trips.txt: what a trip is before its calls are known. */
    record Head(String line, int routeType, String headsign, String service) {
    }

    /** stop_times.txt: one timed call of a trip. */
    record Call(int seq, int stop, int arr, int dep, boolean pickup, boolean dropOff, String headsign) {
    }

    /** The trips with timed calls, in trips.txt order; a trip without any has nothing to answer with. */
    static List<FeedData.TripData> assemble(List<FeedData.StopData> stops, Map<String, Head> heads,
                                           Map<String, List<Call>> calls, Map<String, List<int[]>> frequencies) {
        Map<String, Integer> byCompactName = new HashMap<>();
        for (int i = 0; i < stops.size(); i++) {
            byCompactName.putIfAbsent(compact(stops.get(i).name()), i); // same name in one feed: one station
        }
        List<FeedData.TripData> trips = new ArrayList<>();
        heads.forEach((id, head) -> {
            List<Call> cs = calls.get(id);
            if (cs != null && !cs.isEmpty()) {
                trips.add(trip(id, head, cs, stops, byCompactName, frequencies.getOrDefault(id, List.of())));
            }
        });
        return trips;
    }

    private static FeedData.TripData trip(String id, Head head, List<Call> cs, List<FeedData.StopData> stops,
                                          Map<String, Integer> byCompactName, List<int[]> frequencies) {
        cs.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
        int n = cs.size();
        int[] st = new int[n];
        int[] arr = new int[n];
        int[] dep = new int[n];
        boolean[] pick = new boolean[n];
        boolean[] drop = new boolean[n];
        for (int i = 0; i < n; i++) {
            Call c = cs.get(i);
            st[i] = c.stop();
            arr[i] = c.arr();
            dep[i] = c.dep();
            pick[i] = c.pickup();
            drop[i] = c.dropOff();
        }
        String lastName = stops.get(st[n - 1]).name();
        String headsign = !head.headsign().isBlank() ? head.headsign()
                : !cs.getFirst().headsign().isBlank() ? cs.getFirst().headsign() : lastName;
        // The KRL feed lists departures only, so a run's last listed call is often not its
        // terminal (train 1903 to Duri ends at Grogol): boarding there is real. Treat the
        // last call as the terminal only when it is where the headsign says the trip goes.
        boolean terminal = sameName(headsign, lastName);
        Integer implied = terminal ? null : byCompactName.get(compact(headsign));
        if (implied != null && !contains(st, implied)) {
            // The headsign names a stop of the feed the trip never lists: it still ends there,
            // at a time the feed does not give. Set down only, arrival unknown (-1), so
            // "Tangerang to Duri" is a direct line on KRL although Duri is never listed.
            st = Arrays.copyOf(st, n + 1);
            arr = Arrays.copyOf(arr, n + 1);
            dep = Arrays.copyOf(dep, n + 1);
            pick = Arrays.copyOf(pick, n + 1);
            drop = Arrays.copyOf(drop, n + 1);
            st[n] = implied;
            arr[n] = -1;
            dep[n] = -1;
            drop[n] = true;
            terminal = true;
        }
        return new FeedData.TripData(id, head.line(), head.routeType(), headsign, head.service(), st, arr, dep, pick, drop,
                List.copyOf(frequencies), terminal);
    }

    /** A name as a headsign may spell it: "Jakartakota" for the station "Jakarta Kota", "St. Duri" for "Duri". */
    private static String compact(String name) {
        return StopNames.key(name).replace(" ", "");
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameName(String headsign, String stopName) {
        String h = StopNames.normalize(headsign);
        String s = StopNames.normalize(stopName);
        return !s.isEmpty() && (h.contains(s) || s.contains(h));
    }
}
