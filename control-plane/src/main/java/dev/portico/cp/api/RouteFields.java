package dev.portico.cp.api;

import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RouteKey;

/** A valid route's settings, defaults applied. */
public record RouteFields(RouteKey routeKey, String integrationId, AuthorizationType authorizationType,
                          boolean apiKeyRequired) {
}
