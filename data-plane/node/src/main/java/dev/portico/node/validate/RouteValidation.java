package dev.portico.node.validate;

import dev.portico.node.routing.ParamSlot;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.RequiredParameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A route's request validation compiled for its stage: the required parameters as typed checks and
 * the body's schema, or none. Routes without validation have no {@code RouteValidation} at all.
 */
public final class RouteValidation {

    private final ParameterCheck[] required;
    private final BodySchema body;

    private RouteValidation(ParameterCheck[] required, BodySchema body) {
        this.required = required;
        this.body = body;
    }

    /**
     * Null when {@code validation} checks nothing. Throws {@link IllegalArgumentException} for a
     * parameter that does not parse, a path parameter the route does not have, or an unknown model.
     *
     * @param models the deployment's compiled models, by name
     */
    public static RouteValidation compile(RequestValidation validation, List<ParamSlot> slots,
                                          Map<String, BodySchema> models) {
        if (validation == null) {
            return null;
        }
        List<String> parameters = validation.requiredParameters();
        ParameterCheck[] checks = new ParameterCheck[parameters.size()];
        for (int i = 0; i < checks.length; i++) {
            checks[i] = ParameterCheck.compile(RequiredParameter.parse(parameters.get(i)), slots);
        }
        BodySchema body = null;
        if (validation.bodyModel() != null) {
            body = models.get(validation.bodyModel());
            if (body == null) {
                throw new IllegalArgumentException("bodyModel names unknown model " + validation.bodyModel());
            }
        }
        return checks.length == 0 && body == null ? null : new RouteValidation(checks, body);
    }

    /** The required parameters the request lacks (absent or empty), in the route's order; empty when none. */
    public List<String> missingParameters(RequestParameters request) {
        List<String> missing = List.of();
        for (ParameterCheck check : required) {
            if (!check.presentIn(request)) {
                if (missing.isEmpty()) {
                    missing = new ArrayList<>(required.length);
                }
                missing.add(check.label());
            }
        }
        return missing;
    }

    /** The schema the body must satisfy; null when the body is not checked. */
    public BodySchema body() {
        return body;
    }
}
