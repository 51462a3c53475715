package dev.portico.cp.usageplan;

import dev.portico.cp.api.Violations;

/**
 * A token bucket: {@code rateLimit} requests per second on average, bursts of up to
 * {@code burstLimit}. In a request, an empty object means no throttle.
 */
public record Throttle(Double rateLimit, Integer burstLimit) {

    boolean none() {
        return rateLimit == null && burstLimit == null;
    }

    /** Names each bad field under {@code path}, e.g. {@code throttle.rateLimit}. */
    void check(String path, Violations violations) {
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
}
