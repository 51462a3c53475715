package dev.portico.cp.api;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The models of an API's draft. Every change is a draft edit: routes check bodies against the new
 * schema once the API is deployed. Routes name models by name, so a model a route uses can neither be
 * deleted nor renamed (409 MODEL_IN_USE).
 */
@ApplicationScoped
public class ModelService {

    @Inject
    AuditTrail audit;

    @Transactional
    public ModelView create(String apiId, ModelRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        ModelFields fields = ApiRequests.required(request).validate();
        requireFreeName(apiId, fields.name(), null);
        ModelEntity model = ModelEntity.create(apiId, fields);
        model.persist();
        api.draftChanged();
        audit.record(AuditAction.CREATE, AuditObject.MODEL, model.id, describe(api, model));
        return ModelView.of(model);
    }

    @Transactional
    public Page<ModelView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        List<ModelEntity> rows = ModelEntity.<ModelEntity>find("apiId = ?1 and id > ?2",
                Sort.by("id"), apiId, page.afterKey()).range(0, page.limit()).list();
        return Page.of(rows, page, m -> m.id).map(ModelView::of);
    }

    @Transactional
    public ModelView get(String apiId, String id) {
        ApiEntity.require(apiId);
        return ModelView.of(ModelEntity.require(apiId, id));
    }

    @Transactional
    public ModelView patch(String apiId, String id, String ifMatch, ModelRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        ModelEntity model = ModelEntity.require(apiId, id);
        ETags.requireMatch(ifMatch, model.revision);
        ModelFields fields = ApiRequests.required(request).over(model.fields()).validate();
        if (!fields.name().equals(model.name)) {
            requireFreeName(apiId, fields.name(), id);
            requireUnused(model, "its name cannot change");
        }
        model.update(fields);
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.MODEL, id, describe(api, model));
        return ModelView.of(model);
    }

    /** Deletes a model no route validates bodies with (409 MODEL_IN_USE otherwise). */
    @Transactional
    public void delete(String apiId, String id) {
        ApiEntity api = ApiEntity.lock(apiId);
        ModelEntity model = ModelEntity.require(apiId, id);
        requireUnused(model, "change or delete them first");
        model.delete();
        api.draftChanged();
        audit.record(AuditAction.DELETE, AuditObject.MODEL, id, describe(api, model));
    }

    /** Whether the API's draft has a model of this name. */
    static boolean exists(String apiId, String name) {
        return ModelEntity.count("apiId = ?1 and name = ?2", apiId, name) > 0;
    }

    private static void requireFreeName(String apiId, String name, String exceptId) {
        ModelEntity.<ModelEntity>find("apiId = ?1 and name = ?2", apiId, name).firstResultOptional()
                .filter(other -> !other.id.equals(exceptId))
                .ifPresent(other -> {
                    throw ProblemException.conflict("MODEL_NAME_CONFLICT", "name",
                            "this API already has a model named " + name + " (" + other.id + ")");
                });
    }

    private static void requireUnused(ModelEntity model, String consequence) {
        List<String> users = RouteEntity.<RouteEntity>list("apiId", Sort.by("routeKey"), model.apiId).stream()
                .filter(r -> r.requestValidation != null && model.name.equals(r.requestValidation.bodyModel()))
                .map(r -> r.routeKey).toList();
        if (!users.isEmpty()) {
            throw ProblemException.conflict("MODEL_IN_USE", "model " + model.name + " (" + model.id
                    + ") is used by route(s) " + String.join(", ", users) + "; " + consequence);
        }
    }

    private static String describe(ApiEntity api, ModelEntity model) {
        return "model " + model.name + " of API " + api.name + " (" + api.id + ")";
    }
}
