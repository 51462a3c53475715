package dev.portico.cp.api;

/**
 * A token bucket as the admin API takes and shows it (usage plans, their per-route overrides, stages
 * and their route settings): {@code rateLimit} requests per second on average, bursts of up to
 * {@code burstLimit}. In a request, an empty object means no throttle.
 */
public record Throttle(Double rateLimit, Integer burstLimit) {

    public boolean none() {
        return rateLimit == null && burstLimit == null;
    }

    /** Names each bad field under {@code path}, e.g. {@code throttle.rateLimit}. */
    public void check(String path, Violations violations) {
        if (rateLimit == null) {
            violations.add(path + ".rateLimit", "is required");
        } else if (!(rateLimit > 0) || rateLimit.isInfinite()) {
            violations.add(path + ".rateLimit", "must be a number of requests per second greater than 0, got "
                    + rateLimit);
        }
        if (burstLimit == null) {
            violations.add(path + ".burstLimit", "is required");
        } else if (burstLimit < 1) {
            violations.add(path + ".burstLimit", "must be a whole number of at least 1, got " + burstLimit);
        }
    }

    /** The checked throttle as nodes see it. */
    public dev.portico.snapshot.Throttle toContract() {
        return new dev.portico.snapshot.Throttle(rateLimit, burstLimit);
    }

    /** Stored columns back to a throttle; null when the columns are. */
    public static Throttle of(Double rateLimit, Integer burstLimit) {
        return rateLimit == null ? null : new Throttle(rateLimit, burstLimit);
    }
}
