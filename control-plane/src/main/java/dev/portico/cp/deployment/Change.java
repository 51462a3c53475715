package dev.portico.cp.deployment;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One route, integration or authorizer that differs between two versions of an API.
 *
 * @param kind   "route", "integration", "authorizer" or "gatewayResponse"
 * @param key    the route key (for a removed route, the key it had), the integration id or the
 *               authorizer's name, or the gateway response's type
 * @param change ADDED, REMOVED or CHANGED
 * @param fields what differs; for ADDED every field (from null), for REMOVED every field (to null)
 */
public record Change(String kind, String id, String key, Kind change, List<Field> fields) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One field that differs; nested fields are dotted ("tls.insecureSkipVerify", "headers.Content-Type"). */
    public record Field(String field, JsonNode from, JsonNode to) {
    }
}
