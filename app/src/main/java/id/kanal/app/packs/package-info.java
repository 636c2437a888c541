/**
 * Content packs: services a region adds as content, not code. A pack is a folder with
 * {@code pack.yaml} (its menu entry and wording in Indonesian and English, the words and example
 * sentences the intent classifier learns from, and held-out sentences it is checked on) and
 * {@code items.csv} (its items). {@code import-pack} stores a folder whole or not at all; the
 * dialog reads packs through {@link id.kanal.dialog.port.ContentPacks}.
 *
 * <p>Depends on the dialog (its ports), intents (pack sentences checked against the classifier),
 * services and store (the {@code content_pack} tables); nothing in channels or the console.
 */
package id.kanal.app.packs;
