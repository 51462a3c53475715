package dev.portico.snapshot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteKeyTest {

    @Test
    void parsesLiteralParamAndGreedySegments() {
        RouteKey key = RouteKey.parse("ANY /files/{owner}/{proxy+}");
        assertThat(key.method()).isEqualTo("ANY");
        assertThat(key.segments()).extracting(RouteKey.Segment::kind).containsExactly(
                RouteKey.Segment.Kind.LITERAL, RouteKey.Segment.Kind.PARAM, RouteKey.Segment.Kind.GREEDY);
        assertThat(key.segments().get(2).value()).isEqualTo("proxy");
        assertThat(key).hasToString("ANY /files/{owner}/{proxy+}");
    }

    @Test
    void defaultAndRootKeys() {
        assertThat(RouteKey.parse("$default").isDefault()).isTrue();
        RouteKey root = RouteKey.parse("GET /");
        assertThat(root.segments()).isEmpty();
        assertThat(root).hasToString("GET /");
    }

    @Test
    void shapeIgnoresParameterNames() {
        assertThat(RouteKey.parse("GET /pets/{id}").shape()).isEqualTo(RouteKey.parse("GET /pets/{name}").shape());
        assertThat(RouteKey.parse("GET /pets/{id}").shape()).isNotEqualTo(RouteKey.parse("POST /pets/{id}").shape());
        assertThat(RouteKey.parse("GET /pets/{id}").shape()).isNotEqualTo(RouteKey.parse("GET /pets/{id+}").shape());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "GET pets", "GET", "get /pets", "FETCH /pets", "GET /pets/", "GET //pets",
        "GET /{proxy+}/tail", "GET /a/{id}/{id}", "GET /a/{}", "GET /a/{b c}", "GET /a b", "GET /a{b}"})
    void rejectsBadKeys(String text) {
        assertThatThrownBy(() -> RouteKey.parse(text)).isInstanceOf(InvalidRouteKeyException.class);
    }

    @Test
    void messagesSayWhatIsWrong() {
        assertThatThrownBy(() -> RouteKey.parse("GET pets")).hasMessageContaining("must start with \"/\"");
        assertThatThrownBy(() -> RouteKey.parse("GET /{proxy+}/x")).hasMessageContaining("must be the last segment");
        assertThatThrownBy(() -> RouteKey.parse("get /x")).hasMessageContaining("upper case");
    }
}
