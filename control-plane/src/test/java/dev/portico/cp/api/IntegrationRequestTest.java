package dev.portico.cp.api;

import dev.portico.cp.error.FieldError;
import dev.portico.cp.error.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IntegrationRequestTest {

    @Test
    void backendUrisMustBeAbsoluteHttp() {
        assertThat(BackendUri.problem("http://127.0.0.1:9999/pets/{id}")).isNull();
        assertThat(BackendUri.problem("https://${stageVariables.host}/files/{proxy}")).isNull();
        assertThat(BackendUri.problem("http://backend/{proxy+}")).isNull();
        assertThat(BackendUri.problem("ftp://host/x")).contains("http");
        assertThat(BackendUri.problem("/pets")).contains("absolute");
        assertThat(BackendUri.problem("http:///nohost")).contains("absolute");
        assertThat(BackendUri.problem("http://host/a b")).contains("not a valid URL");
        assertThat(BackendUri.problem("http://host/${nope}")).contains("unknown ${…} placeholder");
        assertThat(BackendUri.problem("http://${stageVariables.bad name}/")).contains("unknown ${…} placeholder");
        assertThat(BackendUri.problem("http://host/x#frag")).contains("fragment");
    }

    @Test
    void patchKeepsWhatItDoesNotName() {
        IntegrationFields current = new IntegrationRequest("HTTP_PROXY", "http://a", "GET", 1000, null, null, null, null).validate();
        IntegrationFields patched = new IntegrationRequest(null, "http://b", null, null, null, null, null, null).over(current).validate();
        assertThat(patched).isEqualTo(new IntegrationFields(IntegrationType.HTTP_PROXY, "http://b", "GET", 1000, false,
                null, null, null, Map.of()));
    }

    @Test
    void aNewTypeStartsFromNothing() {
        IntegrationFields current = new IntegrationRequest("HTTP_PROXY", "http://a", "GET", 1000, null, null, null, null).validate();
        IntegrationFields mock = new IntegrationRequest("MOCK", null, null, null, null, null, null, null).over(current).validate();
        assertThat(mock).isEqualTo(new IntegrationFields(IntegrationType.MOCK, null, null, null, null, 200, Map.of(), "", null));
    }

    @Test
    void headerValuesMustNotBreakLines() {
        ProblemException e = catchThrowableOfType(ProblemException.class, () ->
                new IntegrationRequest("MOCK", null, null, null, null, null, Map.of("X-A", "a\r\nX-B: b"), null).validate());
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("headers.X-A");
    }
}
