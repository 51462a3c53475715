package dev.portico.cp.usageplan;

import dev.portico.cp.api.ShortId;
import dev.portico.cp.api.Throttle;
import dev.portico.cp.api.Timestamped;
import dev.portico.cp.error.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

/** A usage plan: its throttle and quota. Its API stages and subscribed keys are rows of their own. */
@Entity
@Table(name = "usage_plan")
public class UsagePlanEntity extends Timestamped {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "rate_limit")
    public Double rateLimit;

    @Column(name = "burst_limit")
    public Integer burstLimit;

    @Column(name = "quota_limit")
    public Long quotaLimit;

    @Column(name = "quota_period")
    public String quotaPeriod;

    @Column(name = "quota_offset")
    public Integer quotaOffset;

    /** Grows on every change of the plan (not of its subscriptions); the plan's ETag. */
    @Column(nullable = false)
    public long revision;

    static UsagePlanEntity create(String name, String description) {
        UsagePlanEntity plan = new UsagePlanEntity();
        plan.id = ShortId.next();
        plan.name = name;
        plan.description = description;
        plan.revision = 1;
        plan.stampCreated();
        return plan;
    }

    static UsagePlanEntity require(String id) {
        return UsagePlanEntity.<UsagePlanEntity>findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /**
     * The plan, row-locked until the transaction ends. Changes take the plan's lock before any
     * key's, so the one-plan-per-API-stage rule cannot race and locks cannot deadlock.
     */
    static UsagePlanEntity lock(String id) {
        return UsagePlanEntity.<UsagePlanEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(id));
    }

    Throttle throttle() {
        return rateLimit == null ? null : new Throttle(rateLimit, burstLimit);
    }

    /** Null or {@code {}} removes the throttle. */
    void throttle(Throttle throttle) {
        boolean none = throttle == null || throttle.none();
        rateLimit = none ? null : throttle.rateLimit();
        burstLimit = none ? null : throttle.burstLimit();
    }

    Quota quota() {
        return quotaLimit == null ? null : new Quota(quotaLimit, quotaPeriod, quotaOffset);
    }

    /** Null or {@code {}} removes the quota. */
    void quota(Quota quota) {
        Quota whole = quota == null || quota.none() ? null : quota.withDefaults();
        quotaLimit = whole == null ? null : whole.limit();
        quotaPeriod = whole == null ? null : whole.period();
        quotaOffset = whole == null ? null : whole.offset();
    }

    void changed() {
        revision++;
        stampUpdated();
    }

    static ProblemException notFound(String id) {
        return ProblemException.notFound("usage plan " + id);
    }
}
