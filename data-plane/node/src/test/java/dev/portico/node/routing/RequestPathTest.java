package dev.portico.node.routing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestPathTest {

    @Test
    void splitsBeforeDecoding() throws Exception {
        RequestPath path = RequestPath.parse("/a%2Fb/c%20d/");

        assertThat(path.size()).isEqualTo(2);
        assertThat(path.segment(0)).isEqualTo("a/b");
        assertThat(path.segment(1)).isEqualTo("c d");
        assertThat(path.trailingSlash()).isTrue();
    }

    @Test
    void plusStaysPlusAndUtf8Decodes() throws Exception {
        RequestPath path = RequestPath.parse("/a+b/%E2%82%AC");

        assertThat(path.segment(0)).isEqualTo("a+b");
        assertThat(path.segment(1)).isEqualTo("€");
    }

    @Test
    void rootHasNoSegments() throws Exception {
        assertThat(RequestPath.parse("/").size()).isZero();
        assertThat(RequestPath.parse("/").trailingSlash()).isFalse();
        assertThat(RequestPath.parse(null).size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/%zz", "/a/%4", "/a/%", "/%C3%28", "/a/../b", "/a/./b", "/%2e%2e/x", "/a/%2E", "relative", "*"})
    void refusesWhatCannotBeRoutedSafely(String raw) {
        assertThatThrownBy(() -> RequestPath.parse(raw)).isInstanceOf(MalformedPathException.class);
    }

    @Test
    void encodesSegmentsAndQueryComponents() {
        assertThat(PercentEncoding.encodeSegment("a/b c?d#e%f")).isEqualTo("a%2Fb%20c%3Fd%23e%25f");
        assertThat(PercentEncoding.encodeSegment("ok-._~!$&'()*+,;=:@")).isEqualTo("ok-._~!$&'()*+,;=:@");
        assertThat(PercentEncoding.encodeSegment("€")).isEqualTo("%E2%82%AC");
        assertThat(PercentEncoding.encodeQueryComponent("a&b=c+d")).isEqualTo("a%26b%3Dc%2Bd");
    }
}
