package dev.portico.cp.api;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** APIs: create, read, rename, delete with everything they own. */
@ApplicationScoped
public class ApiService {

    @Inject
    AuditTrail audit;

    @Inject
    Event<ApiDeletion> deletions;

    @Transactional
    public ApiView create(ApiRequests.Create request) {
        ApiRequests.required(request).validate();
        ApiEntity api = ApiEntity.create(request.name().strip(), ApiRequests.emptyToNull(request.description()));
        api.persist();
        audit.record(AuditAction.CREATE, AuditObject.API, api.id, "API " + api.name);
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

    @Transactional
    public ApiView patch(String id, String ifMatch, ApiRequests.Patch request) {
        ApiEntity api = ApiEntity.lock(id);
        ETags.requireMatch(ifMatch, api.revision);
        ApiRequests.required(request).validate();
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

    /** Deletes the API with its draft, deployments, stages and their history. */
    @Transactional
    public void delete(String id) {
        ApiEntity api = ApiEntity.lock(id);
        deletions.fire(new ApiDeletion(id));
        audit.record(AuditAction.DELETE, AuditObject.API, id, "API " + api.name);
        api.delete();
    }
}
