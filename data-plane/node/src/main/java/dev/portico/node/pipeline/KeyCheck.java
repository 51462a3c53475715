package dev.portico.node.pipeline;

import dev.portico.node.protect.CompiledKey;
import dev.portico.node.protect.KeyGrant;
import dev.portico.node.protect.KeyRejection;
import dev.portico.node.protect.KeyTable;
import dev.portico.node.snapshot.CompiledStage;

/**
 * The verdict on an {@code x-api-key} for one API stage: granted (with the key's plan there), or
 * rejected with the reason.
 *
 * @param keyId the key's id when the value named one, even a refused one (for the access log); else null
 */
record KeyCheck(KeyRejection rejection, String keyId, KeyGrant grant) {

    static KeyCheck of(String value, KeyTable keys, CompiledStage stage) {
        if (value == null || value.isEmpty()) {
            return new KeyCheck(KeyRejection.MISSING, null, null);
        }
        CompiledKey key = keys.byValue(value);
        if (key == null) {
            return new KeyCheck(KeyRejection.UNKNOWN, null, null);
        }
        if (!key.enabled()) {
            return new KeyCheck(KeyRejection.DISABLED, key.id(), null);
        }
        KeyGrant grant = stage.grant(key);
        return grant == null ? new KeyCheck(KeyRejection.NO_PLAN, key.id(), null) : new KeyCheck(null, key.id(), grant);
    }
}
