/**
 * Natural-language understanding behind the dialog's {@code IntentClassifier}: the text normaliser
 * (slang), features, the intent model (Kanal's SGD softmax by default, OpenNLP's trainers as
 * alternatives) and entity extraction.
 *
 * <p>Depends on dialog, OpenNLP and, for reading its own configuration subtree, Helidon's config
 * interface.
 */
package id.kanal.intents;
