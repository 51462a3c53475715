package dev.portico.cp.fleet;

import dev.portico.snapshot.fleet.UsageReport;

/** What a usage report must carry before it is stored. */
final class UsageReports {

    /** Fits {@code usage_report_seq.boot_id}; nodes send a UUID (36 characters). */
    static final int MAX_BOOT_ID = 64;

    private UsageReports() {
    }

    static boolean readable(UsageReport report) {
        return report.bootId() != null && !report.bootId().isBlank() && report.bootId().length() <= MAX_BOOT_ID
                && report.seq() >= 1;
    }
}
