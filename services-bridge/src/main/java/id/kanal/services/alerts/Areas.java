package id.kanal.services.alerts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A region's kecamatan and their kelurahan (built in for Kota Tangerang, or from its region file). Names are
 * matched ignoring case, spaces and dashes ("panunggangan barat", "PanungganganBarat").
 */
public final class Areas {
    /** Which kind of area an alert goes to. */
    public enum Kind {
        KELURAHAN, KECAMATAN;

        public static Kind of(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        }
    }

    private final Map<String, List<String>> kelurahanByKecamatan;

    private Areas(Map<String, List<String>> kelurahanByKecamatan) {
        this.kelurahanByKecamatan = kelurahanByKecamatan;
    }

    /** Kota Tangerang's 13 kecamatan and 104 kelurahan. */
    public static Areas kotaTangerang() {
        try (InputStream in = Areas.class.getResourceAsStream("kota-tangerang-areas.csv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource kota-tangerang-areas.csv");
            }
            return csv(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A region's areas from a CSV file ({@code kecamatan,kelurahan}, one kelurahan a line, an
     * optional header and {@code #} comments), as a region file's {@code areas-file} names it.
     *
     * @throws IllegalArgumentException when it cannot be read or a line has no kelurahan, naming the line
     */
    public static Areas csv(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return csv(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("areas file " + file + " cannot be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("areas file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Areas csv(InputStream in) throws IOException {
        Map<String, List<String>> map = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.isBlank() || line.startsWith("#") || line.strip().equals("kecamatan,kelurahan")) {
                continue;
            }
            String[] f = line.split(",", 2);
            if (f.length < 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException("line " + n + " is not kecamatan,kelurahan");
            }
            map.computeIfAbsent(f[0].strip(), k -> new ArrayList<>()).add(f[1].strip());
        }
        return of(map);
    }

    /** Areas as given: each kecamatan with its kelurahan, in this order. */
    public static Areas of(Map<String, List<String>> kelurahanByKecamatan) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        kelurahanByKecamatan.forEach((k, v) -> map.put(k, List.copyOf(v)));
        return new Areas(Collections.unmodifiableMap(map));
    }

    /** No areas: a region that names none takes no area alerts ({@code DAFTAR BANJIR} knows no kelurahan). */
    public static Areas none() {
        return of(Map.of());
    }

    /** The canonical name of the kelurahan the words name. */
    public Optional<String> kelurahan(String words) {
        String wanted = plain(words);
        return kelurahanByKecamatan.values().stream().flatMap(List::stream).filter(k -> plain(k).equals(wanted)).findFirst();
    }

    /** The canonical name of the kecamatan the words name. */
    public Optional<String> kecamatan(String words) {
        String wanted = plain(words);
        return kelurahanByKecamatan.keySet().stream().filter(k -> plain(k).equals(wanted)).findFirst();
    }

    /** The kelurahan an alert to this area reaches, empty when no such area. */
    public List<String> kelurahanIn(Kind kind, String name) {
        return switch (kind) {
            case KELURAHAN -> kelurahan(name).map(List::of).orElse(List.of());
            case KECAMATAN -> kecamatan(name).map(kelurahanByKecamatan::get).orElse(List.of());
        };
    }

    /** Every kecamatan with its kelurahan, in file order. */
    public Map<String, List<String>> all() {
        return kelurahanByKecamatan;
    }

    private static String plain(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("^(kel|kelurahan|kec|kecamatan)\\.?\\s+", "")
                .replaceAll("[^a-z0-9]", "");
    }
}
