package dev.portico.node.snapshot;

import dev.portico.snapshot.fleet.FleetMessage;

import java.time.Duration;
import java.util.List;

/** What became of a snapshot handed to the node. */
public sealed interface ApplyOutcome {

    long revision();

    /** The answer the control plane expects. */
    FleetMessage toMessage();

    /** Now served. {@code took} covers validation, compilation, the swap and the write to disk. */
    record Applied(long revision, Duration took) implements ApplyOutcome {
        @Override
        public FleetMessage toMessage() {
            return new dev.portico.snapshot.fleet.Applied(revision);
        }
    }

    /** Refused; the node keeps serving what it served before. */
    record Rejected(long revision, List<String> problems) implements ApplyOutcome {
        public Rejected {
            problems = List.copyOf(problems);
        }

        @Override
        public FleetMessage toMessage() {
            return new dev.portico.snapshot.fleet.Rejected(revision, problems);
        }
    }
}
