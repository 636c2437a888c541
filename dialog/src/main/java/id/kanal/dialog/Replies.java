package id.kanal.dialog;

import id.kanal.dialog.port.ContentPacks;
import id.kanal.dialog.port.Pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds replies from {@link Texts}: filled-in text plus, for menus, the options as buttons. */
final class Replies {
    /** Longest piece of a resident's own text echoed back (a summary must stay within two SMS). */
    static final int ECHO_MAX = 70;
    private static final List<String> MENU_KEYS = List.of("1", "2", "3", "4", "5");
    /** The main menu's number for the region's content packs (their own numbered menu). */
    static final int PACKS_NUMBER = 6;

    private final Texts texts;
    private final DialogSettings settings;
    private final Dates dates;
    private final ContentPacks packs;
    /** The menus per language, greeting or not, with or without the packs' entry: built once. */
    private final Map<String, Reply> menus = new java.util.HashMap<>();
    /** Leaves out of the menu the services the region has no data for. */
    private final ServiceMenu services;

    Replies(Texts texts, DialogSettings settings) {
        this(texts, settings, ContentPacks.none());
    }

    Replies(Texts texts, DialogSettings settings, ContentPacks packs) {
        this(texts, settings, packs, ServiceMenu.EVERYTHING);
    }

    Replies(Texts texts, DialogSettings settings, ContentPacks packs, ServiceMenu services) {
        this.services = services;
        this.texts = texts;
        this.settings = settings;
        this.dates = new Dates(texts);
        this.packs = packs;
        for (Language language : Language.values()) {
            for (boolean greeting : new boolean[] {false, true}) {
                for (boolean withPacks : new boolean[] {false, true}) {
                    menus.put(menuKey(language, greeting, withPacks), buildMenu(language, greeting, withPacks));
                }
            }
        }
    }

    Dates dates() {
        return dates;
    }

    Reply say(Language language, String key, Map<String, String> values) {
        return Reply.of(texts.get(language, key, values));
    }

    Reply say(Language language, String key) {
        return say(language, key, Map.of());
    }

    String text(Language language, String key) {
        return texts.get(language, key);
    }

    /**
     * The main menu: the built-in services, then, when the region has content packs, one entry for
     * them ({@link #PACKS_NUMBER}), then the language. One entry, not one per pack: the menu stays one
     * SMS segment, which the cost of filing a complaint counts on.
     */
    Reply menu(Language language, boolean greeting) {
        return services.shown(menus.get(menuKey(language, greeting, !packs.packs().isEmpty())));
    }

    private static String menuKey(Language language, boolean greeting, boolean withPacks) {
        return language.name() + greeting + withPacks;
    }

    private Reply buildMenu(Language language, boolean greeting, boolean withPacks) {
        List<Reply.Option> options = new ArrayList<>();
        for (String key : MENU_KEYS) {
            options.add(new Reply.Option(key, texts.get(language, "menu.option." + key)));
        }
        if (withPacks) {
            options.add(new Reply.Option(String.valueOf(PACKS_NUMBER), texts.get(language, "menu.option.6")));
        }
        options.add(new Reply.Option("0", texts.get(language, "menu.option.0")));
        String text = texts.get(language, greeting ? "menu.greeting" : "menu", Map.of("region", settings.regionName(),
                "packs", withPacks ? texts.get(language, "menu.packs") : ""));
        return new Reply(text, options, false);
    }

    /** The content packs' own menu: one numbered entry per pack, in the region's order. */
    Reply packMenu(Language language, List<Pack> all) {
        return numbered(all.stream().map(p -> Gsm7.sanitize(p.menu().get(language))).toList(), 1,
                choices -> texts.get(language, "pack.menu", Map.of("region", settings.regionName(), "choices", choices)));
    }

    /** A text followed by the menu, for endings ("Dibatalkan." then the choices). */
    Reply thenMenu(Language language, String key) {
        Reply menu = menu(language, false);
        return new Reply(texts.get(language, key) + "\n" + menu.text(), menu.options(), false);
    }

    /** Numbered choices written into a text ("1 Jalan rusak\n2 Sampah") and as buttons. */
    static Reply numbered(String template, List<String> labels, java.util.function.Function<String, String> fill) {
        return numbered(labels, 1, fill);
    }

    /** Numbered choices two to a line ("1 Jalan rusak  2 Sampah"): a long list in one SMS segment. */
    static Reply inColumns(List<String> labels, java.util.function.Function<String, String> fill) {
        return numbered(labels, 2, fill);
    }

    private static Reply numbered(List<String> labels, int perLine, java.util.function.Function<String, String> fill) {
        StringBuilder choices = new StringBuilder();
        List<Reply.Option> options = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                choices.append(i % perLine == 0 ? "\n" : "  ");
            }
            choices.append(i + 1).append(' ').append(labels.get(i));
            options.add(new Reply.Option(String.valueOf(i + 1), labels.get(i)));
        }
        return new Reply(fill.apply(choices.toString()), options, false);
    }

    /** A resident's own words made safe to echo: GSM-7 and clipped. */
    static String echo(String residentText) {
        return echo(residentText, ECHO_MAX);
    }

    /** A resident's own words made safe to echo, in at most {@code max} septets. */
    static String echo(String residentText, int max) {
        return Gsm7.clip(Gsm7.sanitize(residentText.strip().replaceAll("\\s+", " ")), max);
    }

    DialogSettings settings() {
        return settings;
    }
}
