package dev.portico.snapshot;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Who may call a route, decided before the API key and the integration. Part of a deployment, like
 * routes and integrations. The JSON form carries the kind in {@code "type"}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JwtAuthorizer.class, name = JwtAuthorizer.TYPE),
    @JsonSubTypes.Type(value = CustomAuthorizer.class, name = CustomAuthorizer.TYPE)
})
public sealed interface Authorizer permits JwtAuthorizer, CustomAuthorizer {

    String id();

    String name();

    /** The route authorization type this authorizer serves. */
    AuthorizationType authorizationType();
}
