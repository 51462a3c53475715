package dev.portico.cp.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import dev.portico.snapshot.Cors;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Objects;

/** APIs: create, read, rename, set CORS, delete with everything they own. */
@ApplicationScoped
public class ApiService {

    @Inject
    AuditTrail audit;

    @Inject
    Event<ApiDeletion> deletions;

    @Inject
    Revisions revisions;

    @Inject
    ObjectMapper json;

    @Transactional
    public ApiView create(ApiRequests.Create request) {
        Cors cors = ApiRequests.required(request).validate();
        ApiEntity api = ApiEntity.create(request.name().strip(), ApiRequests.emptyToNull(request.description()), cors);
        api.persist();
        audit.record(AuditAction.CREATE, AuditObject.API, api.id, "API " + api.name
                + (cors == null ? "" : " with CORS for " + String.join(", ", cors.allowOrigins())));
        return ApiView.of(api);
    }

    @Transactional
    public Page<ApiView> list(PageRequest page) {
        List<ApiEntity> rows = ApiEntity.<ApiEntity>find("id > ?1", Sort.by("id"), page.afterKey())
                .range(0, page.limit()).list();
        return Page.of(rows, page, a -> a.id).map(ApiView::of);
    }

    @Transactional
    public ApiView get(String id) {
        return ApiView.of(ApiEntity.require(id));
    }

    /**
     * Renames, describes and sets or removes CORS. CORS is live configuration, like keys and plans: a
     * change bumps the gateway revision, so nodes apply it without a deployment.
     */
    @Transactional
    public ApiView patch(String id, String ifMatch, ApiRequests.Patch request) {
        ApiEntity api = ApiEntity.lock(id);
        ETags.requireMatch(ifMatch, api.revision);
        ApiRequests.required(request).validate();
        if (request.changesCors()) {
            changeCors(api, request.newCors(json));
        }
        if (request.name() != null) {
            api.name = request.name().strip();
        }
        if (request.description() != null) {
            api.description = ApiRequests.emptyToNull(request.description());
        }
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.API, api.id, "API " + api.name);
        return ApiView.of(api);
    }

    /** Sets (or, with null, removes) the API's CORS settings; as a PATCH with only {@code cors}. */
    @Transactional
    public ApiView setCors(String id, CorsRequest request) {
        ApiEntity api = ApiEntity.lock(id);
        Cors cors = request == null ? null : request.validate();
        if (!Objects.equals(api.cors, cors)) {
            changeCors(api, cors);
            api.draftChanged();
        }
        return ApiView.of(api);
    }

    private void changeCors(ApiEntity api, Cors cors) {
        if (Objects.equals(api.cors, cors)) {
            return;
        }
        api.cors = cors;
        audit.record(AuditAction.UPDATE, AuditObject.API, api.id, "CORS of API " + api.name + ": "
                + (cors == null ? "removed" : "origins " + String.join(", ", cors.allowOrigins())
                        + ", methods " + String.join(", ", cors.allowMethods())
                        + (cors.allowCredentials() ? ", with credentials" : "")));
        revisions.bump();
    }

    /** Deletes the API with its draft, deployments, stages and their history. */
    @Transactional
    public void delete(String id) {
        ApiEntity api = ApiEntity.lock(id);
        deletions.fire(new ApiDeletion(id));
        audit.record(AuditAction.DELETE, AuditObject.API, id, "API " + api.name);
        api.delete();
    }
}
