package id.kanal.services.console;

import java.util.List;

/**
 * The dashboard's figures (a JSON wire value): complaints by status, category and agency; inbound
 * volume by channel today and this week; conversations waiting and with agents; median minutes to
 * the first agent answer and hours to resolution over the last 30 days (null without samples).
 */
public record DashboardFigures(long now, List<LabelledCount> byStatus, List<LabelledCount> byCategory,
                               List<LabelledCount> byAgency, List<LabelledCount> today, List<LabelledCount> week,
                               long waiting, long withAgents, Double medianFirstAnswerMinutes,
                               Double medianResolutionHours) {
}
