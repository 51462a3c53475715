package dev.portico.cp.fleet;

/** The {@code SnapshotPush} frame of one revision, serialized once and sent as is to every node. */
record PreparedPush(long revision, String text) {
}
