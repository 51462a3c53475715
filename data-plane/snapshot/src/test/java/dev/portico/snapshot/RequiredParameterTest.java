package dev.portico.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredParameterTest {

    @Test
    void splitsLocationAndName() {
        assertThat(RequiredParameter.parse("querystring.page"))
                .isEqualTo(new RequiredParameter(RequiredParameter.Location.QUERYSTRING, "page"));
        assertThat(RequiredParameter.parse("header.X-Tenant"))
                .isEqualTo(new RequiredParameter(RequiredParameter.Location.HEADER, "X-Tenant"));
        assertThat(RequiredParameter.parse("path.id"))
                .isEqualTo(new RequiredParameter(RequiredParameter.Location.PATH, "id"));
    }

    @Test
    void onlyTheFirstDotSeparates() {
        assertThat(RequiredParameter.parse("querystring.a.b").name()).isEqualTo("a.b");
    }

    @Test
    void printsAsWritten() {
        assertThat(RequiredParameter.parse("header.X-Tenant")).hasToString("header.X-Tenant");
    }

    @Test
    void refusesWhatTheGrammarRefuses() {
        for (String bad : new String[]{"body.x", "header.", "header.a b", "querystring", "QUERYSTRING.x", null}) {
            assertThatThrownBy(() -> RequiredParameter.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
