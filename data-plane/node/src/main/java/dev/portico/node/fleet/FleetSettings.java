package dev.portico.node.fleet;

import java.net.URI;

/**
 * How this node reaches the control plane and introduces itself.
 *
 * @param controlPlane e.g. {@code http://127.0.0.1:8080}; the fleet channel is at
 *                     {@code ws://…/fleet/v1/connect} (wss for https)
 * @param address      the gateway URL this node reports in its Hello
 */
public record FleetSettings(URI controlPlane, String clusterToken, String nodeId, String address, String version) {
}
