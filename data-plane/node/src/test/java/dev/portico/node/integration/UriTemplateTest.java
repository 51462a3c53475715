package dev.portico.node.integration;

import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.PathParameters;
import dev.portico.node.routing.RequestPath;
import dev.portico.snapshot.RouteKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UriTemplateTest {

    private static String render(String uri, Map<String, String> variables, String routeKey, String path, String query)
            throws Exception {
        List<ParamSlot> slots = ParamSlot.of(RouteKey.parse(routeKey));
        UriTemplate template = UriTemplate.compile(uri, variables, slots);
        return template.render(new PathParameters(slots, RequestPath.parse(path), 0), query);
    }

    @Test
    void substitutesPathParametersEncoded() throws Exception {
        assertThat(render("http://b/pets/{id}", Map.of(), "GET /pets/{id}", "/pets/42", null)).isEqualTo("/pets/42");
        assertThat(render("http://b/pets/{id}", Map.of(), "GET /pets/{id}", "/pets/a%2Fb%20c", null))
                .isEqualTo("/pets/a%2Fb%20c");
    }

    @Test
    void greedyKeepsSegmentsAndTrailingSlash() throws Exception {
        assertThat(render("http://b/files/{proxy}", Map.of(), "ANY /files/{proxy+}", "/files/a/b%2Fc/d/", null))
                .isEqualTo("/files/a/b%2Fc/d/");
        assertThat(render("http://b/{proxy+}", Map.of(), "ANY /{proxy+}", "/x/y", null)).isEqualTo("/x/y");
    }

    @Test
    void appendsTheClientQuery() throws Exception {
        assertThat(render("http://b/p", Map.of(), "GET /p", "/p", "a=1&b=%20")).isEqualTo("/p?a=1&b=%20");
        assertThat(render("http://b/p?fixed=1", Map.of(), "GET /p", "/p", "a=1")).isEqualTo("/p?fixed=1&a=1");
        assertThat(render("http://b/p?fixed=1", Map.of(), "GET /p", "/p", "")).isEqualTo("/p?fixed=1");
    }

    @Test
    void parametersInTheQueryAreQueryEncoded() throws Exception {
        assertThat(render("http://b/search?q={term}", Map.of(), "GET /s/{term}", "/s/a&b=c", null))
                .isEqualTo("/search?q=a%26b%3Dc");
    }

    @Test
    void stageVariablesAreReplacedWhenCompiling() throws Exception {
        List<ParamSlot> slots = ParamSlot.of(RouteKey.parse("ANY /files/{proxy+}"));
        UriTemplate template = UriTemplate.compile("http://${stageVariables.host}/${stageVariables.base}/{proxy}",
                Map.of("host", "127.0.0.1:9998", "base", "v1"), slots);

        assertThat(template.origin()).isEqualTo(new BackendOrigin(false, "127.0.0.1", 9998));
        assertThat(template.render(new PathParameters(slots, RequestPath.parse("/files/x"), 0), null)).isEqualTo("/v1/x");
    }

    @Test
    void unknownParametersAndVariablesRenderEmpty() throws Exception {
        assertThat(render("http://b/${stageVariables.nope}x/{nope}", Map.of(), "GET /p", "/p", null)).isEqualTo("/x/");
    }

    @Test
    void readsOriginsAndDefaults() {
        assertThat(UriTemplate.compile("https://api.example.com", Map.of(), List.of()).origin())
                .isEqualTo(new BackendOrigin(true, "api.example.com", 443));
        assertThat(UriTemplate.compile("http://[::1]:8081/x", Map.of(), List.of()).origin())
                .isEqualTo(new BackendOrigin(false, "::1", 8081));
        assertThat(UriTemplate.compile("HTTP://h?x=1", Map.of(), List.of()).render(PathParameters.NONE, null))
                .isEqualTo("/?x=1");
    }

    @Test
    void refusesUrisItCannotCall() {
        assertThatThrownBy(() -> UriTemplate.compile("ftp://h/x", Map.of(), List.of())).hasMessageContaining("http");
        assertThatThrownBy(() -> UriTemplate.compile("/relative", Map.of(), List.of())).hasMessageContaining("http");
        assertThatThrownBy(() -> UriTemplate.compile("http://:80/x", Map.of(), List.of())).hasMessageContaining("no host");
        assertThatThrownBy(() -> UriTemplate.compile("http://h:99999/", Map.of(), List.of())).hasMessageContaining("port");
        assertThatThrownBy(() -> UriTemplate.compile("http://u:p@h/", Map.of(), List.of())).hasMessageContaining("user info");
        assertThatThrownBy(() -> UriTemplate.compile("http://${stageVariables.missing}/", Map.of(), List.of()))
                .hasMessageContaining("no host");
    }
}
