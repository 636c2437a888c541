package id.kanal.dialog;

/** Rupiah amounts as Indonesians write them: 13500 as "13.500". */
final class Rupiah {
    private Rupiah() {
    }

    static String format(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('.');
            }
            out.append(digits.charAt(i));
        }
        return (amount < 0 ? "-" : "") + out;
    }
}
