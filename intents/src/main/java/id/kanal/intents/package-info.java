/**
 * Natural-language understanding behind the dialog's {@code IntentClassifier}: the text normaliser
 * (slang), features, the intent model (Kanal's SGD softmax by default, OpenNLP's trainers as
 * alternatives) and entity extraction.
 *
 * <p>Depends on dialog and OpenNLP.
 */
package id.kanal.intents;
