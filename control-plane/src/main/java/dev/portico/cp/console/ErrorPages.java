package dev.portico.cp.console;

import dev.portico.cp.error.ProblemException;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Failures on console pages answer with a page, not the admin API's problem+json: refusals (a
 * forged form, a viewer writing) here for every console resource; the services' problems (an
 * unknown API) through each console resource's own mapper, which calls {@link #page}.
 */
@ApplicationScoped
public class ErrorPages {

    @Inject
    CurrentSession current;

    @ServerExceptionMapper
    public Response refusal(ConsoleRefusal refusal) {
        return html(Pages.error(chrome(), refusal.status(), refusal.getMessage()), refusal.status());
    }

    Response page(ProblemException problem) {
        return html(Pages.error(chrome(), problem.status(), problem.getMessage()), problem.status());
    }

    static Response html(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .header("Cache-Control", "no-store").build();
    }

    static Response html(TemplateInstance page) {
        return html(page, 200);
    }

    private Chrome chrome() {
        return current.orNull() == null ? null : current.chrome("");
    }
}
