package id.kanal.dialog;

import java.util.Map;

/** The global commands that work in every state, in both languages. */
enum Command {
    NONE, MENU, ZERO, CANCEL, HELP, AGENT, STOP, START, ENGLISH, INDONESIAN;

    private static final Map<String, Command> WORDS = Map.ofEntries(
            Map.entry("menu", MENU), Map.entry("menu utama", MENU), Map.entry("kembali", MENU), Map.entry("back", MENU),
            Map.entry("0", ZERO),
            Map.entry("batal", CANCEL), Map.entry("batalkan", CANCEL), Map.entry("cancel", CANCEL),
            Map.entry("bantuan", HELP), Map.entry("help", HELP), Map.entry("info", HELP),
            Map.entry("petugas", AGENT), Map.entry("agent", AGENT), Map.entry("operator", AGENT), Map.entry("cs", AGENT),
            Map.entry("stop", STOP), Map.entry("berhenti", STOP), Map.entry("unreg", STOP), Map.entry("unsubscribe", STOP),
            Map.entry("mulai", START), Map.entry("start", START), Map.entry("reg", START),
            Map.entry("bahasa en", ENGLISH), Map.entry("language en", ENGLISH), Map.entry("english", ENGLISH),
            Map.entry("bahasa inggris", ENGLISH),
            Map.entry("bahasa id", INDONESIAN), Map.entry("language id", INDONESIAN),
            Map.entry("bahasa indonesia", INDONESIAN), Map.entry("indonesian", INDONESIAN));

    /** The command a whole message is ("BATAL", "Menu!", "/start"), or NONE. */
    static Command of(String text) {
        return of(text, Words.simplify(text));
    }

    /** {@link #of(String)} given the text {@link Words#simplify simplified} too (the turn's {@link Understanding#simple}). */
    static Command of(String text, String simple) {
        if (text.strip().equals("?")) {
            return HELP;
        }
        return WORDS.getOrDefault(simple, NONE);
    }
}
