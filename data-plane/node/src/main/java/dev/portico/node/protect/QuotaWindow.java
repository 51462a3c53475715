package dev.portico.node.protect;

/**
 * One period of a quota, in UTC epoch days: {@code [startDay, endDay)}.
 *
 * @param periodStart {@code startDay} as "YYYY-MM-DD", as usage totals name it
 */
public record QuotaWindow(long startDay, long endDay, String periodStart) {

    public boolean contains(long day) {
        return day >= startDay && day < endDay;
    }
}
