package dev.portico.cp.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.Route;
import dev.portico.snapshot.SnapshotCodec;

import java.util.List;

/**
 * What a deployment freezes: the draft's routes, integrations and authorizers in the snapshot
 * contract's form (ids are the draft's, so versions can be compared object by object). Stored as JSON
 * in the contract's canonical form: sorted properties and keys, no nulls, lists in canonical order;
 * no authorizers are left out, so content frozen before authorizers existed reads and hashes as before.
 */
public record DeploymentContent(List<Route> routes, List<Integration> integrations,
                                @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Authorizer> authorizers) {

    public static final DeploymentContent EMPTY = new DeploymentContent(List.of(), List.of(), List.of());

    // the same settings as SnapshotCodec's, whose mapper is private to the contract
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public DeploymentContent {
        // the contract's Deployment record sorts; building one is the one place that order is defined
        var canonical = new dev.portico.snapshot.Deployment(null, 0, null, routes, integrations, authorizers);
        routes = canonical.routes();
        integrations = canonical.integrations();
        authorizers = canonical.authorizers();
    }

    public DeploymentContent(List<Route> routes, List<Integration> integrations) {
        this(routes, integrations, List.of());
    }

    /** {@code sha256:…} as nodes recompute it. */
    public String contentHash() {
        return SnapshotCodec.contentHash(routes, integrations, authorizers);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("deployment content is always JSON", e);
        }
    }

    public static DeploymentContent fromJson(String json) {
        try {
            return JSON.readValue(json, DeploymentContent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored deployment content is not in the contract's form", e);
        }
    }

    /** The contract's JSON form of one route, integration or authorizer, for field-by-field comparison. */
    static JsonNode tree(Object part) {
        return JSON.valueToTree(part);
    }
}
