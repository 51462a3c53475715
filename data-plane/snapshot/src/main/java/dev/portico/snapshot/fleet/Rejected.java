package dev.portico.snapshot.fleet;

import java.util.List;

/** The node refused the snapshot of this revision and keeps serving the one it had. */
public record Rejected(long revision, List<String> problems) implements FleetMessage {

    public Rejected {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
