package dev.portico.cp.console;

import dev.portico.cp.deployment.DiffView;

import java.util.List;

/** A diff between two deployments, as the deployments tab shows it. */
public record Diff(int baseVersion, int targetVersion, List<ChangeRow> changes) {

    static Diff of(DiffView view) {
        return new Diff(view.base().version(), view.target().version(), ChangeRow.of(view.changes()));
    }
}
