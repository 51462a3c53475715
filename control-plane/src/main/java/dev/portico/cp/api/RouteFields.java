package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.RouteKey;

import java.util.List;

/**
 * A valid route's settings, defaults applied; {@code authorizerId} is null for NONE and
 * {@code requestValidation} null when nothing is checked.
 */
public record RouteFields(RouteKey routeKey, String integrationId, AuthorizationType authorizationType,
                          String authorizerId, List<String> authorizationScopes, boolean apiKeyRequired,
                          RequestValidation requestValidation) {
}
