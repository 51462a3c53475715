package dev.portico.node.fleet;

import dev.portico.snapshot.InvalidSnapshotException;
import dev.portico.snapshot.Snapshot;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.SnapshotValidator;
import dev.portico.snapshot.fleet.FleetMessage;
import dev.portico.snapshot.fleet.Rejected;
import dev.portico.snapshot.fleet.SnapshotPush;
import dev.portico.snapshot.fleet.UsageTotals;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Reads frames from the control plane. A snapshot whose JSON does not fit this node's records is
 * still answered: its revision and schema version are read from the raw JSON so the node can
 * reject it by revision, and say so plainly when the schema's major version is one it does not know.
 */
final class FleetInbox {

    /** What to do with one frame. */
    sealed interface Action {
        record Apply(Snapshot snapshot) implements Action { }
        record Totals(UsageTotals totals) implements Action { }
        record Reply(FleetMessage message) implements Action { }
        record Ignore(String why) implements Action { }
    }

    private FleetInbox() {
    }

    static Action read(String frame) {
        try {
            FleetMessage message = SnapshotCodec.readMessage(frame);
            if (message instanceof SnapshotPush push && push.snapshot() != null) {
                return new Action.Apply(push.snapshot());
            }
            if (message instanceof UsageTotals totals) {
                return new Action.Totals(totals);
            }
            return new Action.Ignore("unexpected " + message.getClass().getSimpleName() + " from control plane");
        } catch (InvalidSnapshotException e) {
            return unreadable(frame, e.problems());
        }
    }

    private static Action unreadable(String frame, List<String> problems) {
        JsonObject json;
        try {
            json = new JsonObject(frame);
        } catch (DecodeException | ClassCastException e) {
            return new Action.Ignore("frame is not JSON");
        }
        JsonObject snapshot = json.getValue("snapshot") instanceof JsonObject s ? s : null;
        if (!"snapshot".equals(json.getValue("type")) || snapshot == null
                || !(snapshot.getValue("revision") instanceof Number revision)) {
            return new Action.Ignore("unknown message: " + String.join("; ", problems));
        }
        Object version = snapshot.getValue("schemaVersion");
        Snapshot probe = new Snapshot(version instanceof String v ? v : null, revision.longValue(), List.of(), List.of(), List.of());
        if (!SnapshotValidator.KNOWN_MAJORS.contains(probe.schemaMajor())) {
            return new Action.Reply(new Rejected(revision.longValue(), SnapshotValidator.problems(probe)));
        }
        return new Action.Reply(new Rejected(revision.longValue(), problems));
    }
}
