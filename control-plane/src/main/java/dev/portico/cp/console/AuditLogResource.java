package dev.portico.cp.console;

import dev.portico.cp.audit.AuditEventView;
import dev.portico.cp.audit.AuditFilter;
import dev.portico.cp.audit.AuditObject;
import dev.portico.cp.audit.AuditTrail;
import dev.portico.cp.error.ProblemException;
import dev.portico.cp.paging.Page;
import dev.portico.cp.paging.PageRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log, newest first, filtered by who and by the kind of object; every role reads it. */
@Path("/console/audit")
@PermitAll
@SignedIn
@Produces(MediaType.TEXT_HTML)
public class AuditLogResource {

    static final int PAGE_SIZE = 50;

    @Inject
    CurrentSession current;

    @Inject
    AuditTrail trail;

    @GET
    public Response log(@QueryParam("actor") String actor, @QueryParam("objectType") String objectType,
                        @QueryParam("cursor") String cursor) {
        Map<String, String> typed = new HashMap<>();
        typed.put("actor", actor);
        typed.put("objectType", objectType);
        Form form = Form.of(typed);
        try {
            Page<AuditEventView> page = trail.list(AuditFilter.parse(actor, objectType),
                    PageRequest.of(PAGE_SIZE, cursor));
            return ErrorPages.html(Pages.audit(current.chrome("audit"), page.items(), form, types(),
                    older(actor, objectType, page.nextCursor())));
        } catch (ProblemException refused) {
            return ErrorPages.html(Pages.audit(current.chrome("audit"), List.of(), form.refused(refused), types(),
                    null), 400);
        }
    }

    /** The link to the next page with the same filter; null on the last page. */
    private static String older(String actor, String objectType, String nextCursor) {
        if (nextCursor == null) {
            return null;
        }
        return "/console/audit?actor=" + encode(actor) + "&objectType=" + encode(objectType) + "&cursor=" + nextCursor;
    }

    private static String encode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> types() {
        return Arrays.stream(AuditObject.values()).map(Enum::name).toList();
    }
}
