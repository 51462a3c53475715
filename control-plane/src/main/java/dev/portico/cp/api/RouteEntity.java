package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.Route;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.List;

/** A draft route: a route key, who may call it and the integration its requests go to. */
@Entity
@Table(name = "route")
public class RouteEntity extends Timestamped {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(name = "route_key", nullable = false)
    public String routeKey;

    /** {@code RouteKey.shape()}: unique per API, so no two routes can match the same requests. */
    @Column(name = "route_shape", nullable = false)
    public String routeShape;

    @Column(name = "integration_id", nullable = false)
    public String integrationId;

    @Enumerated(EnumType.STRING)
    @Column(name = "authorization_type", nullable = false)
    public AuthorizationType authorizationType;

    /** The draft's authorizer checked for JWT and CUSTOM; null for NONE. */
    @Column(name = "authorizer_id")
    public String authorizerId;

    /** JWT: a token must carry one of these scopes; empty: any valid token. */
    @Convert(converter = JsonListConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "authorization_scopes", nullable = false)
    public List<String> authorizationScopes = List.of();

    @Column(name = "api_key_required", nullable = false)
    public boolean apiKeyRequired;

    /** What is checked before the integration is called; null: nothing. */
    @Convert(converter = RequestValidationConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "request_validation")
    public RequestValidation requestValidation;

    @Column(nullable = false)
    public long revision;

    public static RouteEntity create(String apiId, RouteFields fields) {
        RouteEntity route = new RouteEntity();
        route.id = ShortId.next();
        route.apiId = apiId;
        route.revision = 1;
        route.set(fields);
        route.stampCreated();
        return route;
    }

    public static RouteEntity require(String apiId, String id) {
        return RouteEntity.<RouteEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("route " + id));
    }

    public void update(RouteFields fields) {
        set(fields);
        revision++;
        stampUpdated();
    }

    private void set(RouteFields fields) {
        routeKey = fields.routeKey().toString();
        routeShape = fields.routeKey().shape();
        integrationId = fields.integrationId();
        authorizationType = fields.authorizationType();
        authorizerId = fields.authorizerId();
        authorizationScopes = fields.authorizationScopes();
        apiKeyRequired = fields.apiKeyRequired();
        requestValidation = fields.requestValidation();
    }

    /** The route as nodes see it. */
    public Route toContract() {
        return new Route(id, routeKey, integrationId, authorizationType, authorizerId, authorizationScopes,
                apiKeyRequired, requestValidation);
    }
}
