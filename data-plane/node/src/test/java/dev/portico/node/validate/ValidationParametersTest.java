package dev.portico.node.validate;

import dev.portico.node.routing.ParamSlot;
import dev.portico.snapshot.RequestValidation;
import dev.portico.snapshot.RouteKey;
import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Required parameters compiled for a route and checked against requests. */
class ValidationParametersTest {

    private static final List<ParamSlot> SLOTS = ParamSlot.of(RouteKey.parse("GET /stores/{store}/pets/{id}"));

    private final RouteValidation validation = RouteValidation.compile(
            new RequestValidation(null, List.of("querystring.page", "header.X-Tenant", "path.id")), SLOTS, Map.of());

    @Test
    void aRequestWithEveryParameterPasses() {
        Request request = new Request().query("page", "2").header("X-Tenant", "acme").path("s1", "42");

        assertThat(validation.missingParameters(request)).isEmpty();
    }

    @Test
    void everyAbsentParameterIsNamedInTheRoutesOrder() {
        assertThat(validation.missingParameters(new Request().path("s1", null)))
                .containsExactly("querystring.page", "header.X-Tenant", "path.id");
    }

    @Test
    void headersMatchIgnoringCase() {
        Request request = new Request().query("page", "2").header("x-tenant", "acme").path("s1", "42");

        assertThat(validation.missingParameters(request)).isEmpty();
    }

    @Test
    void queryNamesMatchExactly() {
        Request request = new Request().query("Page", "2").header("X-Tenant", "acme").path("s1", "42");

        assertThat(validation.missingParameters(request)).containsExactly("querystring.page");
    }

    @Test
    void anEmptyValueCountsAsMissing() {
        Request request = new Request().query("page", "").header("X-Tenant", "").path("s1", "");

        assertThat(validation.missingParameters(request))
                .containsExactly("querystring.page", "header.X-Tenant", "path.id");
    }

    @Test
    void oneNonEmptyValueOfARepeatedParameterIsEnough() {
        Request request = new Request().query("page", "").query("page", "3").header("X-Tenant", "acme").path("s1", "42");

        assertThat(validation.missingParameters(request)).isEmpty();
    }

    @Test
    void aPathParameterTheRouteKeyLacksIsACompileProblem() {
        assertThatThrownBy(() -> RouteValidation.compile(
                new RequestValidation(null, List.of("path.nope")), SLOTS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("path.nope");
    }

    @Test
    void anUnknownModelIsACompileProblem() {
        assertThatThrownBy(() -> RouteValidation.compile(new RequestValidation("Pet", List.of()), SLOTS, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Pet");
    }

    @Test
    void validationThatChecksNothingCompilesToNone() {
        assertThat(RouteValidation.compile(null, SLOTS, Map.of())).isNull();
        assertThat(RouteValidation.compile(new RequestValidation(null, List.of()), SLOTS, Map.of())).isNull();
    }

    /** A request's parameters as a test writes them; path values by slot. */
    private static final class Request implements RequestParameters {
        private final MultiMap query = MultiMap.caseInsensitiveMultiMap();
        private final Map<String, List<String>> exactQuery = new java.util.HashMap<>();
        private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        private String[] path = new String[0];

        Request query(String name, String value) {
            exactQuery.computeIfAbsent(name, n -> new java.util.ArrayList<>()).add(value);
            return this;
        }

        Request header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        Request path(String... values) {
            path = values;
            return this;
        }

        @Override
        public List<String> query(String name) {
            return exactQuery.getOrDefault(name, List.of());
        }

        @Override
        public List<String> header(String name) {
            return headers.getAll(name);
        }

        @Override
        public String path(int index) {
            return index < path.length ? path[index] : null;
        }
    }
}
