package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.portico.snapshot.fleet.FleetMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The one JSON form of snapshots and fleet messages. Output is canonical (properties and map keys
 * sorted, no nulls) so that the same content always hashes the same on both planes. Unknown
 * properties are ignored when reading: a newer minor schema only adds fields.
 */
public final class SnapshotCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            // model schemas are JSON trees: their properties are sorted too
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private SnapshotCodec() {
    }

    public static byte[] write(Snapshot snapshot) {
        return bytes(snapshot);
    }

    public static String writePretty(Snapshot snapshot) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("snapshot not serializable", e);
        }
    }

    /** Parses a snapshot; throws {@link InvalidSnapshotException} when the JSON does not fit. */
    public static Snapshot read(byte[] json) {
        try {
            return MAPPER.readValue(json, Snapshot.class);
        } catch (IOException e) {
            throw new InvalidSnapshotException(List.of("not a snapshot: " + describe(e)));
        }
    }

    public static String write(FleetMessage message) {
        return new String(bytes(message), StandardCharsets.UTF_8);
    }

    /** Parses a fleet message; throws {@link InvalidSnapshotException} when the JSON does not fit. */
    public static FleetMessage readMessage(String json) {
        try {
            return MAPPER.readValue(json, FleetMessage.class);
        } catch (IOException e) {
            throw new InvalidSnapshotException(List.of("not a fleet message: " + describe(e)));
        }
    }

    /** "sha256:&lt;hex&gt;" of the canonical JSON of a deployment's routes and integrations. */
    public static String contentHash(List<Route> routes, List<Integration> integrations) {
        return contentHash(new DeploymentContent(routes, integrations));
    }

    public static String contentHash(List<Route> routes, List<Integration> integrations, List<Authorizer> authorizers) {
        return contentHash(new DeploymentContent(routes, integrations, authorizers));
    }

    /**
     * The hash of a deployment's content. Empty authorizers, models and gateway responses hash as in
     * the schemas before them, so older deployments still verify.
     */
    public static String contentHash(DeploymentContent content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes(content));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A deployment's content in the canonical JSON form (as the control plane stores it). */
    public static String writeContent(DeploymentContent content) {
        return new String(bytes(content), StandardCharsets.UTF_8);
    }

    /** Reads what {@link #writeContent} wrote; throws {@link InvalidSnapshotException} when the JSON does not fit. */
    public static DeploymentContent readContent(String json) {
        try {
            return MAPPER.readValue(json, DeploymentContent.class);
        } catch (IOException e) {
            throw new InvalidSnapshotException(List.of("not deployment content: " + describe(e)));
        }
    }

    /** The canonical JSON tree of any part of a snapshot, for field-by-field comparison. */
    public static JsonNode tree(Object part) {
        return MAPPER.valueToTree(part);
    }

    private static String describe(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
