package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.Authorizer;
import dev.portico.snapshot.CustomAuthorizer;
import dev.portico.snapshot.JwtAuthorizer;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.List;

/** A draft authorizer: one row for both types, with the columns of the other type left null. */
@Entity
@Table(name = "authorizer")
public class AuthorizerEntity extends Timestamped {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuthorizationType type;

    public String issuer;
    @Convert(converter = JsonListConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    public List<String> audiences;
    @Column(name = "jwks_uri")
    public String jwksUri;
    @Column(name = "identity_source")
    public String identitySource;

    public String uri;
    @Convert(converter = JsonListConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "identity_sources")
    public List<String> identitySources;
    @Column(name = "result_ttl_seconds")
    public Integer resultTtlSeconds;
    @Column(name = "timeout_millis")
    public Integer timeoutMillis;
    @Column(name = "enable_simple_responses")
    public Boolean enableSimpleResponses;
    @Column(name = "payload_format_version")
    public String payloadFormatVersion;

    @Column(nullable = false)
    public long revision;

    public static AuthorizerEntity create(String apiId, AuthorizerFields fields) {
        AuthorizerEntity authorizer = new AuthorizerEntity();
        authorizer.id = ShortId.next();
        authorizer.apiId = apiId;
        authorizer.revision = 1;
        authorizer.set(fields);
        authorizer.stampCreated();
        return authorizer;
    }

    public static AuthorizerEntity require(String apiId, String id) {
        return AuthorizerEntity.<AuthorizerEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("authorizer " + id));
    }

    public void update(AuthorizerFields fields) {
        set(fields);
        revision++;
        stampUpdated();
    }

    private void set(AuthorizerFields f) {
        name = f.name();
        type = f.type();
        issuer = f.issuer();
        audiences = f.audiences();
        jwksUri = f.jwksUri();
        identitySource = f.identitySource();
        uri = f.uri();
        identitySources = f.identitySources();
        resultTtlSeconds = f.resultTtlSeconds();
        timeoutMillis = f.timeoutMillis();
        enableSimpleResponses = f.enableSimpleResponses();
        payloadFormatVersion = f.payloadFormatVersion();
    }

    public AuthorizerFields fields() {
        return new AuthorizerFields(name, type, issuer, audiences, jwksUri, identitySource, uri, identitySources,
                resultTtlSeconds, timeoutMillis, enableSimpleResponses, payloadFormatVersion);
    }

    /** The authorizer as nodes see it. */
    public Authorizer toContract() {
        return switch (type) {
            case JWT -> new JwtAuthorizer(id, name, issuer, audiences, jwksUri, identitySource);
            case CUSTOM -> new CustomAuthorizer(id, name, uri, identitySources, resultTtlSeconds, timeoutMillis,
                    Boolean.TRUE.equals(enableSimpleResponses), payloadFormatVersion);
            case NONE -> throw new IllegalStateException("authorizer " + id + " has no type");
        };
    }
}
