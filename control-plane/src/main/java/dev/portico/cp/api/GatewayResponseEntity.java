package dev.portico.cp.api;

import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/** One customised gateway response of an API's draft: a row per (API, type); no row keeps the built-in answer. */
@Entity
@Table(name = "gateway_response")
@IdClass(GatewayResponseEntity.Key.class)
public class GatewayResponseEntity extends Timestamped {

    @Id
    @Column(name = "api_id", nullable = false, updatable = false)
    public String apiId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public GatewayResponseType type;

    @Column(name = "status_code")
    public Integer statusCode;
    @Convert(converter = JsonMapConverter.class)
    @ColumnTransformer(write = "?::jsonb")
    @Column(nullable = false)
    public Map<String, String> headers;
    public String body;

    @Column(nullable = false)
    public long revision;

    static GatewayResponseEntity find(String apiId, GatewayResponseType type) {
        return GatewayResponseEntity.<GatewayResponseEntity>find("apiId = ?1 and type = ?2", apiId, type)
                .firstResult();
    }

    static GatewayResponseEntity create(String apiId, GatewayResponseType type, GatewayResponse fields) {
        GatewayResponseEntity entity = new GatewayResponseEntity();
        entity.apiId = apiId;
        entity.type = type;
        entity.revision = 1;
        entity.set(fields);
        entity.stampCreated();
        return entity;
    }

    void update(GatewayResponse fields) {
        set(fields);
        revision++;
        stampUpdated();
    }

    private void set(GatewayResponse fields) {
        statusCode = fields.statusCode();
        headers = fields.headers();
        body = fields.body();
    }

    /** The response as deployments freeze it. */
    public GatewayResponse toContract() {
        return new GatewayResponse(statusCode, headers, body);
    }

    /** The draft's gateway responses of an API, by type. */
    public static Map<GatewayResponseType, GatewayResponse> ofApi(String apiId) {
        Map<GatewayResponseType, GatewayResponse> responses = new java.util.EnumMap<>(GatewayResponseType.class);
        GatewayResponseEntity.<GatewayResponseEntity>list("apiId", apiId)
                .forEach(r -> responses.put(r.type, r.toContract()));
        return responses;
    }

    /** The composite primary key. */
    public static class Key implements Serializable {
        public String apiId;
        public GatewayResponseType type;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(apiId, k.apiId) && type == k.type;
        }

        @Override
        public int hashCode() {
            return Objects.hash(apiId, type);
        }
    }
}
