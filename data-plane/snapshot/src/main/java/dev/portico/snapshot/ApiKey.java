package dev.portico.snapshot;

import java.util.List;

/**
 * An API key as nodes see it: never its value, only the SHA-256 of it, which a node looks up by
 * hashing the {@code x-api-key} header.
 *
 * @param keyHash      SHA-256 of the key's value, lowercase hex
 * @param usagePlanIds the plans the key is subscribed to
 */
public record ApiKey(String id, String keyHash, boolean enabled, List<String> usagePlanIds) {

    public ApiKey {
        usagePlanIds = usagePlanIds == null ? List.of() : usagePlanIds.stream().sorted().toList();
    }
}
