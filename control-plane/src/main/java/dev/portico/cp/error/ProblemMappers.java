package dev.portico.cp.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/** Every failure of an admin-API call becomes an RFC 9457 problem+json answer. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response response = Problem.of(e).toResponse();
        return e instanceof LoginThrottledException throttled
                ? Response.fromResponse(response).header("Retry-After", throttled.retryAfterSeconds()).build()
                : response;
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        ProblemException problem = JsonProblems.of(e);
        return Problem.of(problem != null ? problem : Problems.malformedJson("unreadable JSON body")).toResponse();
    }

    /** Also unknown fields and wrong types: beats quarkus-rest-jackson's own mapper of these. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = ViolationFields.of(e.getConstraintViolations());
        if (ViolationFields.isAboutResult(e.getConstraintViolations())) {
            LOG.errorf(e, "an answer failed its own validation: %s", errors);
            return internalError();
        }
        return Problem.of(ProblemException.invalid(errors)).toResponse();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class,
        AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e) {
        return withChallenge(Problem.of(Problems.unauthenticated(Problems.TOKEN_REQUIRED)).toResponse());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Problems.forbidden()).toResponse();
    }

    /** JAX-RS's own failures (404, 405, 415, …) and request bodies Jackson could not read. */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        ProblemException json = JsonProblems.of(e.getCause());
        if (json != null) {
            return Problem.of(json).toResponse();
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.errorf(e, "admin call failed: %s", uri.getPath());
        }
        Response answer = Problem.of(switch (status) {
            case 404 -> Problems.unknownPath(headers.getHeaderString(HttpHeaders.AUTHORIZATION), uri.getPath());
            case 405 -> Problems.methodNotAllowed(uri.getPath());
            default -> fromStatus(e.getResponse().getStatusInfo(), e.getMessage());
        }).toResponse();
        return answer.getStatus() == 401 ? withChallenge(answer) : answer;
    }

    private static Response withChallenge(Response problem) {
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** The last resort: a bug. The log gets the details, the client a problem without them. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        LOG.errorf(e, "admin call failed: %s", uri.getPath());
        return internalError();
    }

    private static Response internalError() {
        return Problem.of(new ProblemException(500, "INTERNAL_ERROR", "Internal Server Error",
                "the control plane failed; its log has the details", List.of())).toResponse();
    }

    private static ProblemException fromStatus(Response.StatusType status, String detail) {
        String title = status.getReasonPhrase();
        String code = title.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return new ProblemException(status.getStatusCode(), code, title, detail, List.of());
    }
}
