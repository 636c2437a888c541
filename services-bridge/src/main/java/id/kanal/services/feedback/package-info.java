/**
 * Closing the loop with residents: the questions Kanal asks after the fact ("was it fixed?",
 * "how was the agent?"), their answers, and the satisfaction figures they make.
 *
 * <p>Depends on dialog and store only.
 */
package id.kanal.services.feedback;
