package dev.portico.node.cors;

import dev.portico.snapshot.Cors;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompiledCorsTest {

    private static AllowedOrigins origins(String... configured) {
        return AllowedOrigins.of(List.of(configured));
    }

    @Test
    void exactOriginsCompareSchemeHostAndPortCaseInsensitively() {
        AllowedOrigins allowed = origins("https://App.Example.com", "http://localhost:3000", "https://secure.test:443/");

        assertThat(allowed.allows("https://app.example.com")).isTrue();
        assertThat(allowed.allows("HTTPS://APP.EXAMPLE.COM")).isTrue();
        assertThat(allowed.allows("http://localhost:3000")).isTrue();
        assertThat(allowed.allows("https://secure.test")).as("default port and trailing slash dropped").isTrue();
        assertThat(allowed.allows("http://app.example.com")).as("other scheme").isFalse();
        assertThat(allowed.allows("https://app.example.com:8443")).as("other port").isFalse();
        assertThat(allowed.allows("http://localhost:3001")).isFalse();
        assertThat(allowed.allows("https://app.example.com.evil.com")).isFalse();
        assertThat(allowed.allows(null)).isFalse();
        assertThat(allowed.allows("null")).isFalse();
    }

    @Test
    void aSchemeWildcardAdmitsSubdomainsAtAnyDepthButNotTheBareDomain() {
        AllowedOrigins allowed = origins("https://*.example.com");

        assertThat(allowed.allows("https://a.example.com")).isTrue();
        assertThat(allowed.allows("https://a.b-c.example.com")).isTrue();
        assertThat(allowed.allows("https://A.Example.COM")).isTrue();
        assertThat(allowed.allows("https://example.com")).isFalse();
        assertThat(allowed.allows("https://.example.com")).isFalse();
        assertThat(allowed.allows("https://a..example.com")).isFalse();
        assertThat(allowed.allows("http://a.example.com")).as("other scheme").isFalse();
        assertThat(allowed.allows("https://a.example.com:8443")).as("other port").isFalse();
        assertThat(allowed.allows("https://evilexample.com")).isFalse();
        assertThat(allowed.allows("https://evil.com/.example.com")).isFalse();
        assertThat(allowed.allows("https://evil.com?.example.com")).isFalse();
        assertThat(allowed.allows("https://user@a.example.com")).isFalse();
    }

    @Test
    void aStarAdmitsEveryOrigin() {
        assertThat(origins("*").allows("https://anything.test:1")).isTrue();
        assertThat(origins("*").any()).isTrue();
        assertThat(origins("https://a.test").any()).isFalse();
    }

    private static final Cors CONFIGURED = new Cors(List.of("https://app.test"), List.of("get", "POST"),
            List.of("Content-Type"), List.of("X-Request-Id", "X-Total"), 60, true);

    @Test
    void aPreflightForAnAllowedOriginAndMethodGetsTheConfiguredHeaders() {
        MultiMap headers = HttpHeaders.headers();

        CompiledCors.compile(CONFIGURED).writePreflight(headers, "https://app.test", "GET", "X-Other");

        assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("https://app.test");
        assertThat(headers.get("Access-Control-Allow-Methods")).isEqualTo("GET, POST");
        assertThat(headers.get("Access-Control-Allow-Headers")).isEqualTo("Content-Type");
        assertThat(headers.get("Access-Control-Max-Age")).isEqualTo("60");
        assertThat(headers.get("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(headers.get("Vary")).isEqualTo("Origin");
    }

    @Test
    void aPreflightForAnotherMethodOrOriginGetsNone() {
        CompiledCors cors = CompiledCors.compile(CONFIGURED);
        MultiMap method = HttpHeaders.headers();
        MultiMap origin = HttpHeaders.headers();

        cors.writePreflight(method, "https://app.test", "DELETE", null);
        cors.writePreflight(origin, "https://other.test", "GET", null);

        assertThat(method.names()).containsExactly("Vary");
        assertThat(origin.names()).containsExactly("Vary");
    }

    @Test
    void actualResponsesLoseTheBackendsAccessControlHeadersAndKeepItsVary() {
        CompiledCors cors = CompiledCors.compile(CONFIGURED);
        MultiMap allowed = backendHeaders();
        MultiMap refused = backendHeaders();

        cors.writeActual(allowed, "https://app.test");
        cors.writeActual(refused, "https://other.test");

        assertThat(allowed.getAll("Access-Control-Allow-Origin")).containsExactly("https://app.test");
        assertThat(allowed.get("Access-Control-Expose-Headers")).isEqualTo("X-Request-Id, X-Total");
        assertThat(allowed.get("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(allowed.get("access-control-max-age")).isNull();
        assertThat(allowed.getAll("Vary")).containsExactly("Accept-Encoding", "Origin");
        assertThat(refused.names()).containsExactlyInAnyOrder("Vary", "Content-Type");
    }

    @Test
    void varyIsNotRepeatedWhenTheBackendAlreadyVariesOnOrigin() {
        MultiMap headers = HttpHeaders.headers().add("Vary", "Accept, origin");

        CompiledCors.compile(CONFIGURED).writeActual(headers, null);

        assertThat(headers.getAll("Vary")).containsExactly("Accept, origin");
    }

    @Test
    void aStarWithoutCredentialsIsAnsweredWithAStarAndEchoesRequestedHeadersAndMethod() {
        CompiledCors cors = CompiledCors.compile(new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false));
        MultiMap headers = HttpHeaders.headers();

        cors.writePreflight(headers, "https://x.test", "PATCH", "X-A, X-B");

        assertThat(headers.get("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(headers.get("Access-Control-Allow-Methods")).isEqualTo("PATCH");
        assertThat(headers.get("Access-Control-Allow-Headers")).isEqualTo("X-A, X-B");
        assertThat(headers.contains("Access-Control-Allow-Credentials")).isFalse();
        assertThat(headers.contains("Access-Control-Max-Age")).isFalse();
    }

    private static MultiMap backendHeaders() {
        return HttpHeaders.headers()
                .add("Content-Type", "text/plain")
                .add("Access-Control-Allow-Origin", "*")
                .add("access-control-max-age", "9999")
                .add("Vary", "Accept-Encoding");
    }
}
