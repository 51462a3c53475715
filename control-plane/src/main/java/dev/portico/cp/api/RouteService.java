package dev.portico.cp.api;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.snapshot.AuthorizationType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

/** The routes of an API's draft. Every change is a draft edit: nothing live changes. */
@ApplicationScoped
public class RouteService {

    @Inject
    AuditTrail audit;

    @Transactional
    public RouteView create(String apiId, RouteRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        RouteFields fields = ApiRequests.required(request).validate(id -> integrationExists(apiId, id),
                id -> authorizerType(apiId, id), name -> ModelService.exists(apiId, name));
        requireFreeShape(apiId, fields, null);
        RouteEntity route = RouteEntity.create(apiId, fields);
        route.persist();
        api.draftChanged();
        audit.record(AuditAction.CREATE, AuditObject.ROUTE, route.id, describe(api, route));
        return RouteView.of(route);
    }

    /** Routes in route-key order. */
    @Transactional
    public Page<RouteView> list(String apiId, PageRequest page) {
        ApiEntity.require(apiId);
        List<RouteEntity> rows = RouteEntity.<RouteEntity>find("apiId = ?1 and routeKey > ?2", Sort.by("routeKey"),
                apiId, page.afterKey()).range(0, page.limit()).list();
        return Page.of(rows, page, r -> r.routeKey).map(RouteView::of);
    }

    @Transactional
    public RouteView get(String apiId, String id) {
        ApiEntity.require(apiId);
        return RouteView.of(RouteEntity.require(apiId, id));
    }

    @Transactional
    public RouteView patch(String apiId, String id, String ifMatch, RouteRequest request) {
        ApiEntity api = ApiEntity.lock(apiId);
        RouteEntity route = RouteEntity.require(apiId, id);
        ETags.requireMatch(ifMatch, route.revision);
        RouteFields fields = ApiRequests.required(request).over(route).validate(i -> integrationExists(apiId, i),
                a -> authorizerType(apiId, a), name -> ModelService.exists(apiId, name));
        requireFreeShape(apiId, fields, id);
        route.update(fields);
        api.draftChanged();
        audit.record(AuditAction.UPDATE, AuditObject.ROUTE, route.id, describe(api, route));
        return RouteView.of(route);
    }

    @Transactional
    public void delete(String apiId, String id) {
        ApiEntity api = ApiEntity.lock(apiId);
        RouteEntity route = RouteEntity.require(apiId, id);
        route.delete();
        api.draftChanged();
        audit.record(AuditAction.DELETE, AuditObject.ROUTE, id, describe(api, route));
    }

    private static String describe(ApiEntity api, RouteEntity route) {
        return "route " + route.routeKey + " of API " + api.name + " (" + api.id + ")";
    }

    private static boolean integrationExists(String apiId, String id) {
        return IntegrationEntity.count("apiId = ?1 and id = ?2", apiId, id) > 0;
    }

    private static AuthorizationType authorizerType(String apiId, String id) {
        return AuthorizerEntity.<AuthorizerEntity>find("apiId = ?1 and id = ?2", apiId, id).firstResultOptional()
                .map(a -> a.type).orElse(null);
    }

    /** 409 ROUTE_KEY_CONFLICT when another route of the API has the same shape. */
    private static void requireFreeShape(String apiId, RouteFields fields, String exceptRouteId) {
        Optional<RouteEntity> other = RouteEntity.<RouteEntity>find("apiId = ?1 and routeShape = ?2", apiId,
                fields.routeKey().shape()).firstResultOptional();
        if (other.isPresent() && !other.get().id.equals(exceptRouteId)) {
            throw ProblemException.conflict("ROUTE_KEY_CONFLICT", "routeKey",
                    "route key \"" + fields.routeKey() + "\" matches the same requests as route " + other.get().id
                            + " \"" + other.get().routeKey + "\"");
        }
    }
}
