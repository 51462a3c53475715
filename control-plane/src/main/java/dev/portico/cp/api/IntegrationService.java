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

/** The integrations of an API's draft. Every change is a draft edit: nothing live changes. */
@ApplicationScoped
public class IntegrationService {

    @Inject
    AuditTrail audit;

    @Transactional
    public IntegrationView create(String apiId, IntegrationRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        IntegrationEntity integration = IntegrationEntity.create(apiId, ApiRequests.required(request).validate());
        integration.persist();
        api.draftChanged();
        audit.record(AuditAction.CREATE, AuditObject.INTEGRATION, integration.id, describe(api, integration));
        return IntegrationView.of(integration);
    }

    @Transactional
    public Page<IntegrationView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        List<IntegrationEntity> rows = IntegrationEntity.<IntegrationEntity>find("apiId = ?1 and id > ?2",
                Sort.by("id"), apiId, page.afterKey()).range(0, page.limit()).list();
        return Page.of(rows, page, i -> i.id).map(IntegrationView::of);
    }

    @Transactional
    public IntegrationView get(String apiId, String id) {
        ApiEntity.require(apiId);
        return IntegrationView.of(IntegrationEntity.require(apiId, id));
    }

    @Transactional
    public IntegrationView patch(String apiId, String id, String ifMatch, IntegrationRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        IntegrationEntity integration = IntegrationEntity.require(apiId, id);
        ETags.requireMatch(ifMatch, integration.revision);
        integration.update(ApiRequests.required(request).over(integration.fields()).validate());
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.INTEGRATION, id, describe(api, integration));
        return IntegrationView.of(integration);
    }

    /** Deletes an integration no route uses (409 INTEGRATION_IN_USE otherwise). */
    @Transactional
    public void delete(String apiId, String id) {
        ApiEntity api = ApiEntity.lock(apiId);
        IntegrationEntity integration = IntegrationEntity.require(apiId, id);
        List<String> users = RouteEntity.<RouteEntity>find("integrationId", Sort.by("routeKey"), id).stream()
                .map(r -> r.routeKey).toList();
        if (!users.isEmpty()) {
            throw ProblemException.conflict("INTEGRATION_IN_USE", "integration " + id + " is used by route(s) "
                    + String.join(", ", users) + "; change or delete them first");
        }
        integration.delete();
        audit.record(AuditAction.DELETE, AuditObject.INTEGRATION, id, describe(api, integration));
        api.draftChanged();
    }

    private static String describe(ApiEntity api, IntegrationEntity integration) {
        String target = integration.uri != null ? " to " + integration.uri : "";
        return integration.type + " integration" + target + " of API " + api.name + " (" + api.id + ")";
    }
}
