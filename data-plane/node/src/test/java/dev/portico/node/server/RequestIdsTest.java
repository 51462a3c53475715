package dev.portico.node.server;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void acceptsWellFormedClientIds() {
        assertThat(RequestIds.acceptOrGenerate("abc-123_X.y:z")).isEqualTo("abc-123_X.y:z");
        assertThat(RequestIds.acceptOrGenerate("a".repeat(128))).isEqualTo("a".repeat(128));
    }

    @Test
    void replacesMissingOrBadIds() {
        for (String bad : new String[]{null, "", "a".repeat(129), "has space", "new\nline", "quote\"", "é"}) {
            String id = RequestIds.acceptOrGenerate(bad);
            assertThat(id).isNotEqualTo(bad).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void generatedIdsDiffer() {
        assertThat(RequestIds.generate()).isNotEqualTo(RequestIds.generate());
    }
}
