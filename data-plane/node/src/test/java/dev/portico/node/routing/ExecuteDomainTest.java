package dev.portico.node.routing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExecuteDomainTest {

    private final ExecuteDomain domain = new ExecuteDomain("localhost");

    @Test
    void readsTheApiIdCaseInsensitivelyIgnoringThePort() {
        assertThat(domain.apiId("k3x9q2m7ab.localhost")).isEqualTo("k3x9q2m7ab");
        assertThat(domain.apiId("K3X9Q2M7AB.LocalHost:8000")).isEqualTo("k3x9q2m7ab");
        assertThat(domain.apiId("k3x9q2m7ab.localhost.")).isEqualTo("k3x9q2m7ab");
    }

    @Test
    void otherHostsNameNoApi() {
        assertThat(domain.apiId("localhost")).isNull();
        assertThat(domain.apiId("localhost:8000")).isNull();
        assertThat(domain.apiId(".localhost")).isNull();
        assertThat(domain.apiId("a.b.localhost")).isNull();
        assertThat(domain.apiId("k3x9q2m7ab.example.com")).isNull();
        assertThat(domain.apiId("xlocalhost")).isNull();
        assertThat(domain.apiId("[::1]:8000")).isNull();
        assertThat(domain.apiId(null)).isNull();
    }

    @Test
    void worksForMultiLabelDomains() {
        assertThat(new ExecuteDomain("Api.Example.com").apiId("abc.api.example.COM:443")).isEqualTo("abc");
    }
}
