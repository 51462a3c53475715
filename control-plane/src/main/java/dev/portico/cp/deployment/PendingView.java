package dev.portico.cp.deployment;

import java.util.List;

/**
 * {@code GET …/stages/{stage}/pending}: what deploying the draft now would change on the stage.
 *
 * @param base          the deployment the stage serves, or null when it serves none
 * @param draftRevision the API's revision (ETag) the draft was read at
 */
public record PendingView(String stage, DeploymentRef base, long draftRevision, boolean hasChanges,
                          List<Change> changes) {
}
