package dev.portico.cp.usage;

import dev.portico.snapshot.Quota;
import dev.portico.snapshot.QuotaPeriod;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A usage plan that has a quota, with the contract's period arithmetic (the only one there is). */
record QuotaPlan(String id, Quota quota) {

    private static final String WITH_QUOTA =
            "SELECT id, quota_limit, quota_period, quota_offset FROM usage_plan WHERE quota_limit IS NOT NULL";

    /** The first day of the period that holds {@code day}. */
    LocalDate periodStart(LocalDate day) {
        return quota.periodStart(day);
    }

    /** The first day after the period that holds {@code day}. */
    LocalDate periodEnd(LocalDate day) {
        return quota.period().end(periodStart(day));
    }

    static List<QuotaPlan> all(Connection connection) throws SQLException {
        List<QuotaPlan> plans = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(WITH_QUOTA); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                plans.add(new QuotaPlan(rows.getString(1),
                        new Quota(rows.getLong(2), QuotaPeriod.valueOf(rows.getString(3)), rows.getInt(4))));
            }
        }
        return plans;
    }
}
