package dev.portico.snapshot.fleet;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What travels over the fleet channel: a WebSocket that the node opens to the control plane at
 * {@link #PATH} with {@code Authorization: Bearer <cluster token>} and {@link #NODE_ID_HEADER}.
 * Each text frame is one message; {@code "type"} names its kind.
 *
 * <p>Node → control plane: {@link Hello} first, then {@link Applied} / {@link Rejected} after each
 * snapshot, {@link Heartbeat} every {@link #HEARTBEAT_INTERVAL_MILLIS} and {@link UsageReport} at
 * least every {@link #USAGE_REPORT_INTERVAL_MILLIS} while keyed requests were admitted. Control
 * plane → node: {@link SnapshotPush} on connect and on every revision change, {@link UsageTotals}
 * after usage reports.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = SnapshotPush.class, name = "snapshot"),
    @JsonSubTypes.Type(value = Applied.class, name = "applied"),
    @JsonSubTypes.Type(value = Rejected.class, name = "rejected"),
    @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat"),
    @JsonSubTypes.Type(value = UsageReport.class, name = "usage"),
    @JsonSubTypes.Type(value = UsageTotals.class, name = "usageTotals")
})
public sealed interface FleetMessage permits Hello, SnapshotPush, Applied, Rejected, Heartbeat, UsageReport,
        UsageTotals {

    String PATH = "/fleet/v1/connect";
    String NODE_ID_HEADER = "X-Portico-Node-Id";
    long HEARTBEAT_INTERVAL_MILLIS = 2_000;
    /** A node silent for this long is OFFLINE. */
    long OFFLINE_AFTER_MILLIS = 10_000;
    long USAGE_REPORT_INTERVAL_MILLIS = 1_000;
}
