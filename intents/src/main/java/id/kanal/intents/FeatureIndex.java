package id.kanal.intents;

import java.util.Map;

/**
 * A model's features and their indices (the model keeps no other map of them), looked up by a feature's characters
 * ({@link KanalFeatureGenerator#features}) instead of by a string: scoring a message makes no string
 * per feature, where it made about 150 (and a set to hold them) for ten words. Open addressing, at
 * most half full; each slot keeps its key's hash, so a probe that meets another key compares two
 * ints without reading that key's characters (a {@code Map.copyOf}'s probe reads every key it
 * meets). Immutable; thread-safe.
 */
final class FeatureIndex {
    private final String[] keys;
    private final int[] hashes;
    private final int[] indices;
    private final int mask;
    private final int size;

    FeatureIndex(Map<String, Integer> features) {
        int capacity = Integer.highestOneBit(Math.max(1, features.size())) * 4;
        keys = new String[capacity];
        hashes = new int[capacity];
        indices = new int[capacity];
        mask = capacity - 1;
        size = features.size();
        features.forEach((key, index) -> {
            int hash = key.hashCode();
            int slot = spread(hash) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = hash;
            indices[slot] = index;
        });
    }

    /** The index of {@code feature}, or -1 when the model has no such feature. */
    int indexOf(String feature) {
        return indexOf(feature.toCharArray(), feature.length());
    }

    /** The features, each at its index (what a saved model lists). */
    String[] byIndex() {
        String[] out = new String[size];
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != null) {
                out[indices[slot]] = keys[slot];
            }
        }
        return out;
    }

    /** The index of the feature written in {@code chars[0, length)}, or -1 when the model has no such feature. */
    int indexOf(char[] chars, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[i]; // String.hashCode()'s
        }
        for (int slot = spread(hash) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && sameCharacters(keys[slot], chars, length)) {
                return indices[slot];
            }
        }
        return -1;
    }

    private static boolean sameCharacters(String key, char[] chars, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** String hashes differ mostly in their low bits for short keys; mixing in the high ones spreads longer keys too. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
