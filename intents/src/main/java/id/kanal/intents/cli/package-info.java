/**
 * The {@code nlu-eval} and {@code classify} commands and the public benchmarks they read
 * (CLINC150, xSID).
 *
 * <p>Depends on {@code id.kanal.intents}, dialog and Jackson.
 */
package id.kanal.intents.cli;
