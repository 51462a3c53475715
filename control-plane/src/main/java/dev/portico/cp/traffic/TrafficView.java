package dev.portico.cp.traffic;

import java.time.Instant;
import java.util.List;

/** {@code GET /admin/v1/traffic}: the fleet's traffic per minute, oldest first, every minute present. */
public record TrafficView(Instant from, Instant to, List<TrafficMinute> minutes) {
}
