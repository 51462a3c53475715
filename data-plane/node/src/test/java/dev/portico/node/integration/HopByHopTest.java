package dev.portico.node.integration;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HopByHopTest {

    @Test
    void connectionKeepAliveListsNothingExtra() {
        MultiMap headers = HttpHeaders.headers().add("Connection", "keep-alive");

        assertThat(HopByHop.listedInConnection(headers)).isEmpty();
    }

    @Test
    void namesListedInConnectionAreCaseInsensitive() {
        MultiMap headers = HttpHeaders.headers().add("Connection", "keep-alive, X-Trace ,").add("connection", "close");

        assertThat(HopByHop.listedInConnection(headers)).containsExactlyInAnyOrder("X-Trace", "close");
        assertThat(HopByHop.listedInConnection(headers)).contains("x-trace");
    }

    @Test
    void copiesOnlyEndToEndHeaders() {
        MultiMap from = HttpHeaders.headers()
                .add("Connection", "keep-alive, X-Trace")
                .add("Keep-Alive", "timeout=5")
                .add("X-Trace", "1")
                .add("Proxy-Authorization", "secret")
                .add("Content-Type", "application/json")
                .add("X-Skip", "1");
        MultiMap to = HttpHeaders.headers();

        HopByHop.copyEndToEnd(from, to, HopByHop.caseInsensitive("x-skip"));

        assertThat(to.names()).containsExactly("Content-Type");
    }
}
