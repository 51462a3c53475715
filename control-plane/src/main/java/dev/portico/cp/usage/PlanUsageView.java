package dev.portico.cp.usage;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /usage-plans/{id}/usage}: per subscribed key (by id), per day of the range, the
 * requests nodes admitted for the key under this plan.
 */
public record PlanUsageView(String planId, LocalDate startDate, LocalDate endDate, List<KeyUsage> items) {

    /** One key's days, every day of the range (used 0 when none). */
    public record KeyUsage(String keyId, String keyName, List<DayUsage> days) {
    }

    /**
     * @param remaining the plan's quota limit minus what the key used in that day's quota period up to
     *                  and including that day (at least 0); null when the plan has no quota
     */
    public record DayUsage(LocalDate date, long used, Long remaining) {
    }
}
