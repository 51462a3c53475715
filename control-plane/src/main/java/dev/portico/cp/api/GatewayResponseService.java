package dev.portico.cp.api;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.snapshot.GatewayResponse;
import dev.portico.snapshot.GatewayResponseType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;

/**
 * The gateway responses of an API's draft: every change is a draft edit, live once the API is
 * deployed. Every type always exists for the API; DELETE resets one to the built-in answer.
 */
@ApplicationScoped
public class GatewayResponseService {

    @Inject
    AuditTrail audit;

    /** Every type, customised or not, in the enum's order. */
    @Transactional
    public Page<GatewayResponseView> list(String apiId) {
        ApiEntity.require(apiId);
        List<GatewayResponseView> items = Arrays.stream(GatewayResponseType.values())
                .map(type -> view(GatewayResponseEntity.find(apiId, type), type)).toList();
        return new Page<>(items, null);
    }

    @Transactional
    public GatewayResponseView get(String apiId, String typeName) {
        ApiEntity.require(apiId);
        GatewayResponseType type = known(typeName);
        return view(GatewayResponseEntity.find(apiId, type), type);
    }

    @Transactional
    public GatewayResponseView put(String apiId, String typeName, String ifMatch, GatewayResponseRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        GatewayResponseType type = known(typeName);
        GatewayResponse fields = ApiRequests.required(request).validate();
        GatewayResponseEntity entity = GatewayResponseEntity.find(apiId, type);
        if (entity == null) {
            entity = GatewayResponseEntity.create(apiId, type, fields);
            entity.persist();
        } else {
            if (ifMatch != null) {
                ETags.requireMatch(ifMatch, entity.revision);
            }
            entity.update(fields);
        }
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.GATEWAY_RESPONSE, apiId + "/" + type, describe(api, type));
        return GatewayResponseView.of(entity);
    }

    /** Resets the type to the built-in answer; resetting one that is not customised changes nothing. */
    @Transactional
    public void reset(String apiId, String typeName) {
        ApiEntity api = ApiEntity.lock(apiId);
        GatewayResponseType type = known(typeName);
        GatewayResponseEntity entity = GatewayResponseEntity.find(apiId, type);
        if (entity == null) {
            return;
        }
        entity.delete();
        api.draftChanged();
        audit.record(AuditAction.DELETE, AuditObject.GATEWAY_RESPONSE, apiId + "/" + type, describe(api, type));
    }

    /** 404 naming the type and the known ones. */
    static GatewayResponseType known(String name) {
        try {
            return GatewayResponseType.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("gateway response type " + name + " (known types: "
                    + Arrays.toString(GatewayResponseType.values()) + ")");
        }
    }

    private static GatewayResponseView view(GatewayResponseEntity entity, GatewayResponseType type) {
        return entity == null ? GatewayResponseView.builtIn(type) : GatewayResponseView.of(entity);
    }

    private static String describe(ApiEntity api, GatewayResponseType type) {
        return "gateway response " + type + " of API " + api.name + " (" + api.id + ")";
    }
}
