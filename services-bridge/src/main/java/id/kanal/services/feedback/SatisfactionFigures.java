package id.kanal.services.feedback;

import java.util.List;

/**
 * Satisfaction over the questions asked in the last {@code days} days (a JSON wire value).
 *
 * @param agencies per agency: "was it fixed?" asked, answered 1 (fixed) and 2 (not fixed)
 * @param agents   per agent: ratings given (1-5) and their average
 */
public record SatisfactionFigures(long now, int days, List<Agency> agencies, List<Agent> agents) {
    public SatisfactionFigures {
        agencies = List.copyOf(agencies);
        agents = List.copyOf(agents);
    }

    /** @param fixedPercent of the answers, the share that said fixed (null without answers) */
    public record Agency(String code, String name, long asked, long fixed, long notFixed, Double fixedPercent) {
    }

    /** @param average one decimal, null without ratings */
    public record Agent(String agent, long asked, long ratings, Double average) {
    }
}
