package id.kanal.services.timetable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks {@link StopSearch} (with its shortcuts) against {@link PlainStopSearch} (every name
 * scored in full) on an index's stop names, for what residents type: names and codes, prefixes,
 * single words, kind words ("stasiun", "halte", "terminal"), one to three typos, and words that
 * are no place at all.
 */
final class StopSearchEquivalence {
    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String[] KINDS = {"", "", "stasiun ", "st. ", "halte ", "terminal "};
    private static final String[] NOT_PLACES = {"pasar beli beras", "rumah", "rumah sakit", "kantor", "pasar",
            "sekolah anak saya", "jalan", "beli", "besok", "2", "x", "kalideres poris duri"};

    private StopSearchEquivalence() {
    }

    /** @return how many queries found something */
    static int check(TimetableIndex index, int queries, long seed) {
        int n = index.stopCount();
        String[] names = new String[n];
        String[] codes = new String[n];
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) {
            names[i] = index.stop(i).name();
            codes[i] = index.stop(i).code().orElse(null);
            groups[i] = index.groupMembers(i)[0];
        }
        StopSearch fast = new StopSearch(names, codes, groups);
        PlainStopSearch plain = new PlainStopSearch(names, codes, groups);
        Random random = new Random(seed);
        List<String> asked = new ArrayList<>(List.of(NOT_PLACES));
        for (int k = 0; k < queries; k++) {
            asked.add(query(names[random.nextInt(n)], codes[random.nextInt(n)], random));
        }
        int found = 0;
        for (String q : asked) {
            for (int limit : new int[] {1, 5}) {
                List<Integer> expected = plain.search(q, limit);
                assertEquals(expected, fast.search(q, limit), "query '" + q + "' limit " + limit);
                found += expected.isEmpty() ? 0 : 1;
            }
        }
        assertTrue(found > queries / 2, "too few queries found anything: " + found);
        return found;
    }

    private static String query(String name, String code, Random random) {
        String base = StopNames.key(name);
        String[] words = base.split(" ");
        String q = switch (random.nextInt(5)) {
            case 0 -> base;
            case 1 -> words[random.nextInt(words.length)];
            case 2 -> base.substring(0, Math.max(1, random.nextInt(base.length() + 1)));
            case 3 -> code != null ? code : base;
            default -> String.join(" ", java.util.Arrays.copyOfRange(words, 0, 1 + random.nextInt(words.length)));
        };
        int typos = random.nextInt(4);
        StringBuilder sb = new StringBuilder(q);
        for (int t = 0; t < typos && !sb.isEmpty(); t++) {
            int at = random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.setCharAt(at, LETTERS.charAt(random.nextInt(LETTERS.length())));
                case 1 -> sb.deleteCharAt(at);
                default -> sb.insert(at, LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
        }
        String kind = KINDS[random.nextInt(KINDS.length)];
        return random.nextBoolean() ? kind + sb : (kind + sb).toUpperCase(java.util.Locale.ROOT);
    }
}
