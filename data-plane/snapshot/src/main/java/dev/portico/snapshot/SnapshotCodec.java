package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
        return contentHash(routes, integrations, List.of());
    }

    /** The hash of a deployment's content. No authorizers hash as in schema 1.1, so older deployments still verify. */
    public static String contentHash(List<Route> routes, List<Integration> integrations, List<Authorizer> authorizers) {
        byte[] json = bytes(new Content(Canonical.sorted(routes, Route::routeKey),
                Canonical.sorted(integrations, Integration::id), Canonical.sorted(authorizers, Authorizer::id)));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private record Content(List<Route> routes, List<Integration> integrations,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Authorizer> authorizers) {
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
