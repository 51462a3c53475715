package dev.portico.cp.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.count;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.get;
import static dev.portico.cp.api.AdminCalls.patch;
import static dev.portico.cp.api.AdminCalls.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** FUNCTION integrations at the admin API: defaults, what the node gets, and every bad field named with nothing saved. */
@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class FunctionIntegrationIT {

    private static final String INVOKE = "http://127.0.0.1:9001/2015-03-31/functions/pets/invocations";

    @Test
    void functionGetsItsDefaults() {
        String api = createApi("fn-defaults");
        String id = post(api, "/integrations", Map.of("type", "FUNCTION", "uri", INVOKE)).statusCode(201)
                .body("type", equalTo("FUNCTION")).body("uri", equalTo(INVOKE))
                .body("payloadFormatVersion", equalTo("2.0")).body("timeoutMillis", equalTo(29000))
                .body("$", not(hasKey("method"))).body("$", not(hasKey("tls")))
                .extract().path("id");
        patch(api, "/integrations/" + id, Map.of("payloadFormatVersion", "1.0", "timeoutMillis", 3000))
                .statusCode(200).body("payloadFormatVersion", equalTo("1.0")).body("uri", equalTo(INVOKE))
                .body("timeoutMillis", equalTo(3000));
        get(api, "/integrations/" + id).statusCode(200).body("payloadFormatVersion", equalTo("1.0"));
    }

    @Test
    void badFunctionsAreNamedAndNothingIsSaved() {
        String api = createApi("fn-bad");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "FUNCTION", "payloadFormatVersion", "2.0")))).contains("uri");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "FUNCTION", "uri", INVOKE,
                "payloadFormatVersion", "3.0")))).contains("payloadFormatVersion");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "FUNCTION", "uri", "ftp://fn", "timeoutMillis", 400_000,
                "method", "GET")))).contains("uri", "timeoutMillis", "method");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "MOCK", "payloadFormatVersion", "2.0")))).contains("payloadFormatVersion");
        assertThat(badFields(post(api, "/integrations", Map.of("type", "LAMBDA", "uri", INVOKE)))).contains("type");
        assertThat(count(api, "integrations")).isZero();
    }
}
