package dev.portico.cp.apikey;

import dev.portico.cp.audit.AuditAction;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.api.ApiRequests;
import dev.portico.cp.api.ETags;
import dev.portico.cp.error.FieldError;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import dev.portico.cp.revision.Revisions;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * API keys: create (the value is known only to the answer), read, enable/disable, rename, delete,
 * import from CSV. Every change grows the gateway revision in its own transaction: keys reach the
 * nodes in the snapshot, without any deployment.
 */
@ApplicationScoped
public class ApiKeyService {

    @Inject
    AuditTrail audit;

    /** Hashes looked up per query when an import checks for keys already stored. */
    private static final int LOOKUP_CHUNK = 1000;

    @Inject
    KeyPlans plans;

    @Inject
    Revisions revisions;

    @Transactional
    public NewApiKey create(ApiKeyRequests.Create request) {
        ApiRequests.required(request).validate();
        String value = ApiKeyValue.generate();
        ApiKeyEntity key = ApiKeyEntity.create(value, request.name().strip(),
                ApiRequests.emptyToNull(request.description()), request.enabledOrDefault());
        key.persist();
        revisions.bump();
        audit.record(AuditAction.CREATE, AuditObject.API_KEY, key.id, "API key " + key.name);
        return NewApiKey.of(key, value);
    }

    @Transactional
    public Page<ApiKeyView> list(PageRequest page) {
        List<ApiKeyEntity> rows = ApiKeyEntity.<ApiKeyEntity>find("id > ?1", Sort.by("id"), page.afterKey())
                .range(0, page.limit()).list();
        return Page.of(rows, page, k -> k.id).map(ApiKeyView::of);
    }

    @Transactional
    public ApiKeyView get(String id) {
        return ApiKeyView.of(ApiKeyEntity.require(id));
    }

    @Transactional
    public ApiKeyView patch(String id, String ifMatch, ApiKeyRequests.Patch request) {
        ApiKeyEntity key = ApiKeyEntity.lock(id);
        ETags.requireMatch(ifMatch, key.revision);
        ApiRequests.required(request).validate();
        if (request.name() != null) {
            key.name = request.name().strip();
        }
        if (request.description() != null) {
            key.description = ApiRequests.emptyToNull(request.description());
        }
        if (request.enabled() != null) {
            key.enabled = request.enabled();
        }
        key.changed();
        revisions.bump();
        audit.record(AuditAction.UPDATE, AuditObject.API_KEY, key.id, "API key " + key.name
                + (key.enabled ? " (enabled)" : " (disabled)"));
        return ApiKeyView.of(key);
    }

    @Transactional
    public void delete(String id) {
        ApiKeyEntity key = ApiKeyEntity.lock(id);
        key.delete();
        revisions.bump();
        audit.record(AuditAction.DELETE, AuditObject.API_KEY, id, "API key " + key.name);
    }

    /**
     * Imports every key of the file and subscribes it to the plans its line names, or imports none:
     * any bad line refuses the whole file.
     */
    @Transactional
    public ApiKeyImport importCsv(String csv) {
        ApiKeyCsv.Parsed parsed = ApiKeyCsv.parse(csv == null ? "" : csv);
        List<FieldError> errors = new ArrayList<>(parsed.errors());
        Set<String> stored = storedHashes(parsed.rows());
        for (ApiKeyCsv.Row row : parsed.rows()) {
            if (stored.contains(ApiKeyValue.hash(row.key()))) {
                errors.add(new FieldError("line " + row.line() + ": key", "an API key with this value already exists"));
            }
        }
        errors.addAll(plans.check(parsed.rows()));
        if (!errors.isEmpty()) {
            throw ApiKeyCsv.rejected(errors);
        }
        List<ApiKeyView> imported = new ArrayList<>();
        Map<String, List<String>> planIdsByKey = new LinkedHashMap<>();
        for (ApiKeyCsv.Row row : parsed.rows()) {
            ApiKeyEntity key = ApiKeyEntity.create(row.key(), row.name(), row.description(), row.enabled());
            key.persist();
            planIdsByKey.put(key.id, row.planIds());
            imported.add(ApiKeyView.of(key));
            audit.record(AuditAction.IMPORT, AuditObject.API_KEY, key.id, "API key " + key.name + " from CSV line " + row.line());
        }
        plans.subscribe(planIdsByKey);
        revisions.bump();
        return new ApiKeyImport(imported.size(), imported);
    }

    private static Set<String> storedHashes(List<ApiKeyCsv.Row> rows) {
        List<String> hashes = rows.stream().map(r -> ApiKeyValue.hash(r.key())).distinct().toList();
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < hashes.size(); from += LOOKUP_CHUNK) {
            stored.addAll(ApiKeyEntity.getEntityManager()
                    .createQuery("select k.keyHash from ApiKeyEntity k where k.keyHash in :hashes", String.class)
                    .setParameter("hashes", hashes.subList(from, Math.min(hashes.size(), from + LOOKUP_CHUNK)))
                    .getResultList());
        }
        return stored;
    }
}
