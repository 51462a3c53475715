package dev.portico.snapshot;

import java.util.List;

/** A snapshot a node must refuse; {@link #problems()} lists every reason. */
public class InvalidSnapshotException extends RuntimeException {

    private final List<String> problems;

    public InvalidSnapshotException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
