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
 * The authorizers of an API's draft. Every change is a draft edit: routes use the new settings once
 * the API is deployed.
 */
@ApplicationScoped
public class AuthorizerService {

    @Inject
    AuditTrail audit;

    @Transactional
    public AuthorizerView create(String apiId, AuthorizerRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        AuthorizerEntity authorizer = AuthorizerEntity.create(apiId, ApiRequests.required(request).validate());
        authorizer.persist();
        api.draftChanged();
        audit.record(AuditAction.CREATE, AuditObject.AUTHORIZER, authorizer.id, describe(api, authorizer));
        return AuthorizerView.of(authorizer);
    }

    @Transactional
    public Page<AuthorizerView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        List<AuthorizerEntity> rows = AuthorizerEntity.<AuthorizerEntity>find("apiId = ?1 and id > ?2",
                Sort.by("id"), apiId, page.afterKey()).range(0, page.limit()).list();
        return Page.of(rows, page, a -> a.id).map(AuthorizerView::of);
    }

    @Transactional
    public AuthorizerView get(String apiId, String id) {
        ApiEntity.require(apiId);
        return AuthorizerView.of(AuthorizerEntity.require(apiId, id));
    }

    /** A change of type is refused (409 AUTHORIZER_IN_USE) while routes of the old type use it. */
    @Transactional
    public AuthorizerView patch(String apiId, String id, String ifMatch, AuthorizerRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        AuthorizerEntity authorizer = AuthorizerEntity.require(apiId, id);
        ETags.requireMatch(ifMatch, authorizer.revision);
        AuthorizerFields fields = ApiRequests.required(request).over(authorizer.fields()).validate();
        if (fields.type() != authorizer.type) {
            requireUnused(authorizer, "its type cannot change");
        }
        authorizer.update(fields);
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.AUTHORIZER, id, describe(api, authorizer));
        return AuthorizerView.of(authorizer);
    }

    /** Deletes an authorizer no route uses (409 AUTHORIZER_IN_USE otherwise). */
    @Transactional
    public void delete(String apiId, String id) {
        ApiEntity api = ApiEntity.lock(apiId);
        AuthorizerEntity authorizer = AuthorizerEntity.require(apiId, id);
        requireUnused(authorizer, "change or delete them first");
        authorizer.delete();
        api.draftChanged();
        audit.record(AuditAction.DELETE, AuditObject.AUTHORIZER, id, describe(api, authorizer));
    }

    private static void requireUnused(AuthorizerEntity authorizer, String consequence) {
        List<String> users = RouteEntity.<RouteEntity>find("authorizerId", Sort.by("routeKey"), authorizer.id)
                .stream().map(r -> r.routeKey).toList();
        if (!users.isEmpty()) {
            throw ProblemException.conflict("AUTHORIZER_IN_USE", "authorizer " + authorizer.name + " ("
                    + authorizer.id + ") is used by route(s) " + String.join(", ", users) + "; " + consequence);
        }
    }

    private static String describe(ApiEntity api, AuthorizerEntity authorizer) {
        return authorizer.type + " authorizer " + authorizer.name + " of API " + api.name + " (" + api.id + ")";
    }
}
