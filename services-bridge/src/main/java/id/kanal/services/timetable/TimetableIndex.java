package id.kanal.services.timetable;

import id.kanal.dialog.port.Departure;
import id.kanal.dialog.port.Stop;
import id.kanal.dialog.port.TransitMode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable in-memory index over every active feed. The timetable swaps a whole index by
 * one reference when a feed is imported, so a query sees one consistent set of feeds.
 *
 * <p>Stop ids are {@code feed:stop_id} ("krl:TNG"). Per stop, scheduled calls are sorted by
 * departure time for a binary search; calls of frequency-based trips are expanded at query time.
 */
final class TimetableIndex {
    private static final int DAY = 86_400;

    final List<FeedData> feeds;
    private final Stop[] stops;
    private final int[] group;
    private final int[][] groupMembers;
    private final Map<String, Integer> byId = new HashMap<>();
    private final FeedData.TripData[] trips;
    /** Per trip: its calls' stop indices in this index (feed stop index plus the feed's offset). */
    private final int[][] tripStops;
    private final int[] tripService;
    private final FeedData.ServiceData[] services;
    /** Per stop: scheduled calls as trip index, position, departure seconds; sorted by departure. */
    private final int[][] callTrip;
    private final int[][] callPos;
    private final int[][] callDep;
    /** Per stop: calls of frequency-based trips as {trip, position} pairs. */
    private final int[][] freqCalls;
    private final Map<LocalDate, BitSet> activeByDate = new ConcurrentHashMap<>();
    /** Per station (group root): bits of the {@link TransitMode} ordinals of the trips calling there. */
    private final int[] modeBits;
    /** Per station (group root): the stops one trip from it sets down at; computed when first asked. */
    private final Map<Integer, BitSet> reachable = new ConcurrentHashMap<>();
    final StopSearch search;

    TimetableIndex(List<FeedData> feeds) {
        this.feeds = List.copyOf(feeds);
        int stopCount = feeds.stream().mapToInt(f -> f.stops().size()).sum();
        stops = new Stop[stopCount];
        group = new int[stopCount];
        String[] names = new String[stopCount];
        String[] codes = new String[stopCount];
        List<FeedData.TripData> allTrips = new ArrayList<>();
        List<Integer> tripServices = new ArrayList<>();
        List<FeedData.ServiceData> allServices = new ArrayList<>();
        List<int[]> tripStops = new ArrayList<>();
        int base = 0;
        for (FeedData feed : feeds) {
            Map<String, Integer> groupByName = new HashMap<>();
            for (int i = 0; i < feed.stops().size(); i++) {
                FeedData.StopData s = feed.stops().get(i);
                int g = base + i;
                stops[g] = new Stop(feed.name() + ":" + s.id(), s.name(), s.code());
                names[g] = s.name();
                codes[g] = s.code().orElse(null);
                byId.put(stops[g].id(), g);
                byId.putIfAbsent(s.id(), g);
                // Platforms of one station: the same parent station, or the same name in one feed
                // (TransJakarta has one stop per direction, both called "Poris Plawad").
                int root = i;
                for (int hops = 0; hops < 4 && feed.stops().get(root).parent() >= 0; hops++) {
                    root = feed.stops().get(root).parent();
                }
                Integer first = groupByName.putIfAbsent(StopNames.key(feed.stops().get(root).name()), g);
                group[g] = first == null ? g : first;
            }
            Map<String, Integer> serviceIndex = new HashMap<>();
            feed.services().forEach((id, s) -> {
                serviceIndex.put(id, allServices.size());
                allServices.add(s);
            });
            for (FeedData.TripData t : feed.trips()) {
                allTrips.add(t);
                tripServices.add(serviceIndex.get(t.service()));
                int[] global = new int[t.stops().length];
                for (int p = 0; p < global.length; p++) {
                    global[p] = base + t.stops()[p];
                }
                tripStops.add(global);
            }
            base += feed.stops().size();
        }
        trips = allTrips.toArray(FeedData.TripData[]::new);
        tripService = tripServices.stream().mapToInt(Integer::intValue).toArray();
        services = allServices.toArray(FeedData.ServiceData[]::new);
        this.tripStops = tripStops.toArray(int[][]::new);
        Map<Integer, List<Integer>> members = new HashMap<>();
        for (int i = 0; i < stopCount; i++) {
            members.computeIfAbsent(group[i], k -> new ArrayList<>()).add(i);
        }
        groupMembers = new int[stopCount][];
        for (int i = 0; i < stopCount; i++) {
            groupMembers[i] = members.get(group[i]).stream().mapToInt(Integer::intValue).toArray();
        }
        List<List<int[]>> scheduled = new ArrayList<>();
        List<List<int[]>> frequency = new ArrayList<>();
        for (int i = 0; i < stopCount; i++) {
            scheduled.add(new ArrayList<>());
            frequency.add(new ArrayList<>());
        }
        for (int t = 0; t < trips.length; t++) {
            for (int p = 0; p < this.tripStops[t].length; p++) {
                if (!trips[t].boards(p)) {
                    continue;
                }
                int s = this.tripStops[t][p];
                if (trips[t].frequencies().isEmpty()) {
                    scheduled.get(s).add(new int[]{t, p, trips[t].departures()[p]});
                } else {
                    frequency.get(s).add(new int[]{t, p});
                }
            }
        }
        callTrip = new int[stopCount][];
        callPos = new int[stopCount][];
        callDep = new int[stopCount][];
        freqCalls = new int[stopCount][];
        for (int i = 0; i < stopCount; i++) {
            List<int[]> calls = scheduled.get(i);
            calls.sort(Comparator.comparingInt(c -> c[2]));
            callTrip[i] = calls.stream().mapToInt(c -> c[0]).toArray();
            callPos[i] = calls.stream().mapToInt(c -> c[1]).toArray();
            callDep[i] = calls.stream().mapToInt(c -> c[2]).toArray();
            freqCalls[i] = frequency.get(i).stream().flatMapToInt(Arrays::stream).toArray();
        }
        modeBits = new int[stopCount];
        for (int t = 0; t < trips.length; t++) {
            int bit = 1 << mode(trips[t].routeType()).ordinal();
            for (int s : this.tripStops[t]) {
                modeBits[group[s]] |= bit;
            }
        }
        search = new StopSearch(names, codes, group);
    }

    /** A GTFS route_type (basic or extended) as the kind of transport a resident names. */
    static TransitMode mode(int routeType) {
        if (routeType == 0 || routeType == 1 || routeType == 2 || routeType == 12
                || (routeType >= 100 && routeType < 200) || (routeType >= 400 && routeType < 500)
                || (routeType >= 900 && routeType < 1000)) {
            return TransitMode.RAIL;
        }
        if (routeType == 3 || routeType == 11 || (routeType >= 200 && routeType < 300)
                || (routeType >= 700 && routeType < 900)) {
            return TransitMode.BUS;
        }
        return TransitMode.OTHER;
    }

    /** The modes of the trips calling at the stop's station. */
    Set<TransitMode> modes(int stop) {
        Set<TransitMode> out = EnumSet.noneOf(TransitMode.class);
        for (TransitMode m : TransitMode.values()) {
            if ((modeBits[group[stop]] & (1 << m.ordinal())) != 0) {
                out.add(m);
            }
        }
        return out;
    }

    /** Whether a trip (on any day) boards at the station of {@code from} and later sets down at that of {@code to}. */
    boolean connects(int from, int to) {
        BitSet reach = reachable.get(group[from]);
        if (reach == null) {
            if (reachable.size() > 4096) {
                reachable.clear(); // the stations asked about are few; keep the memory bounded
            }
            reach = reachable.computeIfAbsent(group[from], this::reachableFrom);
        }
        for (int m : groupMembers[to]) {
            if (reach.get(m)) {
                return true;
            }
        }
        return false;
    }

    private BitSet reachableFrom(int root) {
        BitSet out = new BitSet(stops.length);
        for (int s : groupMembers[root]) {
            for (int i = 0; i < callTrip[s].length; i++) {
                markLater(callTrip[s][i], callPos[s][i], out);
            }
            for (int k = 0; k < freqCalls[s].length; k += 2) {
                markLater(freqCalls[s][k], freqCalls[s][k + 1], out);
            }
        }
        return out;
    }

    private void markLater(int t, int pos, BitSet out) {
        int[] st = tripStops[t];
        for (int q = pos + 1; q < st.length; q++) {
            if (trips[t].dropOff()[q]) {
                out.set(st[q]);
            }
        }
    }

    Optional<Integer> stopIndex(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The stops answering for {@code stop}: the platforms of its station. */
    int[] groupMembers(int stop) {
        return groupMembers[stop].clone();
    }

    Stop stop(int index) {
        return stops[index];
    }

    int stopCount() {
        return stops.length;
    }

    /** Candidates before sorting: service-day seconds since the asked day's midnight. */
    private record Candidate(long at, int trip, int pos, int dayOffset, int shift, int toPos) {
    }

    List<Departure> nextDepartures(int from, Optional<Integer> to, LocalDateTime after, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        LocalDate day = after.toLocalDate();
        int afterSecs = after.toLocalTime().toSecondOfDay();
        BitSet toStops = destinationStops(to);
        List<Candidate> found = new ArrayList<>();
        // Yesterday's service day for its trips past 24:00, today's, and tomorrow's early trips.
        for (int offset = -1; offset <= 1; offset++) {
            BitSet active = active(day.plusDays(offset));
            int threshold = afterSecs - offset * DAY;
            for (int s : groupMembers[from]) {
                scheduled(s, threshold, offset, active, toStops, limit, found);
                frequencyBased(s, threshold, offset, active, toStops, limit, found);
            }
        }
        found.sort(Comparator.comparingLong(Candidate::at).thenComparingInt(Candidate::trip));
        List<Departure> out = new ArrayList<>(Math.min(limit, found.size()));
        for (Candidate c : found) {
            if (out.size() == limit) {
                break;
            }
            out.add(departure(c, day));
        }
        return out;
    }

    private Departure departure(Candidate c, LocalDate day) {
        FeedData.TripData t = trips[c.trip()];
        LocalDateTime serviceMidnight = day.plusDays(c.dayOffset()).atStartOfDay();
        LocalDateTime departs = serviceMidnight.plusSeconds(t.departures()[c.pos()] + (long) c.shift());
        Optional<Stop> toStop = c.toPos() < 0 ? Optional.empty() : Optional.of(stops[tripStops[c.trip()][c.toPos()]]);
        // An implied terminal (arrival -1, see FeedData.TripData) is reached at a time not known.
        Optional<LocalDateTime> arrives = c.toPos() < 0 || t.arrivals()[c.toPos()] < 0 ? Optional.empty()
                : Optional.of(serviceMidnight.plusSeconds(t.arrivals()[c.toPos()] + (long) c.shift()));
        return new Departure(t.line(), t.headsign(), stops[tripStops[c.trip()][c.pos()]], departs, toStop, arrives);
    }

    /**
     * The first (or last) departures of one service day from the stop's station, in time order;
     * trips past 24:00 count for the day they belong to, as GTFS means them.
     */
    List<Departure> dayDepartures(int from, Optional<Integer> to, LocalDate day, int limit, boolean last) {
        if (limit <= 0) {
            return List.of();
        }
        BitSet active = active(day);
        BitSet toStops = destinationStops(to);
        List<Candidate> found = new ArrayList<>();
        for (int s : groupMembers[from]) {
            int[] deps = callDep[s];
            int taken = 0;
            for (int k = 0; k < deps.length && taken < limit; k++) {
                int i = last ? deps.length - 1 - k : k;
                int t = callTrip[s][i];
                int toPos = active.get(tripService[t]) ? destination(t, callPos[s][i], toStops) : -2;
                if (toPos != -2) {
                    found.add(new Candidate(deps[i], t, callPos[s][i], 0, 0, toPos));
                    taken++;
                }
            }
            int[] calls = freqCalls[s];
            for (int k = 0; k < calls.length; k += 2) {
                int t = calls[k];
                int pos = calls[k + 1];
                int toPos = active.get(tripService[t]) ? destination(t, pos, toStops) : -2;
                if (toPos == -2) {
                    continue;
                }
                FeedData.TripData trip = trips[t];
                int first = trip.departures()[0];
                for (int[] w : trip.frequencies()) {
                    int runs = ceilDiv(w[1] - w[0], w[2]); // runs start at start + n*headway < end
                    for (int j = 0; j < Math.min(limit, runs); j++) {
                        int shift = w[0] + (last ? runs - 1 - j : j) * w[2] - first;
                        found.add(new Candidate(trip.departures()[pos] + (long) shift, t, pos, 0, shift, toPos));
                    }
                }
            }
        }
        found.sort(Comparator.comparingLong(Candidate::at).thenComparingInt(Candidate::trip));
        List<Candidate> chosen = last ? found.subList(Math.max(0, found.size() - limit), found.size())
                : found.subList(0, Math.min(limit, found.size()));
        return chosen.stream().map(c -> departure(c, day)).toList();
    }

    private BitSet destinationStops(Optional<Integer> to) {
        if (to.isEmpty()) {
            return null;
        }
        BitSet toStops = new BitSet();
        for (int m : groupMembers[to.get()]) {
            toStops.set(m);
        }
        return toStops;
    }

    private void scheduled(int s, int threshold, int offset, BitSet active, BitSet toStops, int limit, List<Candidate> found) {
        int[] deps = callDep[s];
        int i = lowerBound(deps, threshold);
        int taken = 0;
        for (; i < deps.length && taken < limit; i++) {
            int t = callTrip[s][i];
            if (!active.get(tripService[t])) {
                continue;
            }
            int toPos = destination(t, callPos[s][i], toStops);
            if (toPos == -2) {
                continue;
            }
            found.add(new Candidate(deps[i] + (long) offset * DAY, t, callPos[s][i], offset, 0, toPos));
            taken++;
        }
    }

    private void frequencyBased(int s, int threshold, int offset, BitSet active, BitSet toStops, int limit,
                                List<Candidate> found) {
        int[] calls = freqCalls[s];
        for (int k = 0; k < calls.length; k += 2) {
            int t = calls[k];
            int pos = calls[k + 1];
            if (!active.get(tripService[t])) {
                continue;
            }
            int toPos = destination(t, pos, toStops);
            if (toPos == -2) {
                continue;
            }
            FeedData.TripData trip = trips[t];
            int first = trip.departures()[0];
            int sinceStart = trip.departures()[pos] - first;
            for (int[] w : trip.frequencies()) {
                int start = w[0];
                int end = w[1];
                int headway = w[2];
                // First run whose call here is at or after the threshold: start + n*headway + sinceStart >= threshold.
                int n = Math.max(0, ceilDiv(threshold - sinceStart - start, headway));
                for (int taken = 0; taken < limit && start + n * headway < end; n++, taken++) {
                    int tripStart = start + n * headway;
                    int shift = tripStart - first;
                    found.add(new Candidate(trip.departures()[pos] + (long) shift + (long) offset * DAY, t, pos, offset, shift, toPos));
                }
            }
        }
    }

    /** -1: no destination asked; -2: the trip does not reach it (with drop-off) after pos; else its position. */
    private int destination(int t, int pos, BitSet toStops) {
        if (toStops == null) {
            return -1;
        }
        int[] st = tripStops[t];
        for (int q = pos + 1; q < st.length; q++) {
            if (toStops.get(st[q]) && trips[t].dropOff()[q]) {
                return q;
            }
        }
        return -2;
    }

    private BitSet active(LocalDate date) {
        BitSet cached = activeByDate.get(date);
        if (cached != null) {
            return cached;
        }
        BitSet bits = new BitSet(services.length);
        for (int i = 0; i < services.length; i++) {
            if (services[i].runsOn(date)) {
                bits.set(i);
            }
        }
        if (activeByDate.size() > 64) {
            activeByDate.clear(); // dates asked are few and near today; keep the cache small
        }
        activeByDate.put(date, bits);
        return bits;
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int ceilDiv(int a, int b) {
        return Math.floorDiv(a + b - 1, b);
    }
}
