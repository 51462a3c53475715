package dev.portico.cp.usageplan;

/** The period a quota counts over; the offset shifts its start by whole days. */
enum QuotaPeriod {
    DAY(1), WEEK(7), MONTH(28);

    /** Days an offset may skip: fewer than the shortest period (February for MONTH). */
    private final int days;

    QuotaPeriod(int days) {
        this.days = days;
    }

    int maxOffset() {
        return days - 1;
    }
}
