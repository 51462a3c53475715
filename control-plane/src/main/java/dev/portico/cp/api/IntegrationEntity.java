package dev.portico.cp.api;

import dev.portico.cp.error.ProblemException;
import dev.portico.snapshot.FunctionIntegration;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.Integration;
import dev.portico.snapshot.MockIntegration;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.util.Map;

/** A draft integration: one row for every type, with the columns of the other types left null. */
@Entity
@Table(name = "integration")
public class IntegrationEntity extends Timestamped {

    @Id
    public String id;

    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IntegrationType type;

    public String uri;
    public String method;
    @Column(name = "timeout_millis")
    public Integer timeoutMillis;
    @Column(name = "tls_insecure_skip_verify")
    public Boolean tlsInsecureSkipVerify;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(name = "request_parameters")
    public Map<String, String> requestParameters;

    @Column(name = "status_code")
    public Integer statusCode;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    public Map<String, String> headers;
    public String body;

    @Column(name = "payload_format_version")
    public String payloadFormatVersion;

    @Column(nullable = false)
    public long revision;

    public static IntegrationEntity create(String apiId, IntegrationFields fields) {
        IntegrationEntity integration = new IntegrationEntity();
        integration.id = ShortId.next();
        integration.apiId = apiId;
        integration.revision = 1;
        integration.set(fields);
        integration.stampCreated();
        return integration;
    }

    public static IntegrationEntity require(String apiId, String id) {
        return IntegrationEntity.<IntegrationEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("integration " + id));
    }

    public void update(IntegrationFields fields) {
        set(fields);
        revision++;
        stampUpdated();
    }

    private void set(IntegrationFields fields) {
        type = fields.type();
        uri = fields.uri();
        method = fields.method();
        timeoutMillis = fields.timeoutMillis();
        tlsInsecureSkipVerify = fields.tlsInsecureSkipVerify();
        statusCode = fields.statusCode();
        headers = fields.headers();
        body = fields.body();
        requestParameters = fields.requestParameters();
        payloadFormatVersion = fields.payloadFormatVersion();
    }

    public IntegrationFields fields() {
        return new IntegrationFields(type, uri, method, timeoutMillis, tlsInsecureSkipVerify, statusCode, headers,
                body, requestParameters, payloadFormatVersion);
    }

    /** The integration as nodes see it. */
    public Integration toContract() {
        return switch (type) {
            case HTTP_PROXY -> new HttpProxyIntegration(id, uri, method, timeoutMillis,
                    new HttpProxyIntegration.Tls(Boolean.TRUE.equals(tlsInsecureSkipVerify)), requestParameters);
            case MOCK -> new MockIntegration(id, statusCode, headers, body);
            case FUNCTION -> new FunctionIntegration(id, uri, payloadFormatVersion, timeoutMillis);
        };
    }
}
