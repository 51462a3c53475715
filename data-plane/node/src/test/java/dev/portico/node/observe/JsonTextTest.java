package dev.portico.node.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTextTest {

    private static String json(String value) {
        return JsonText.string(new StringBuilder(), value).toString();
    }

    @Test
    void plainValuesAreQuotedAsTheyAre() {
        assertThat(json("GET /pets/{id}")).isEqualTo("\"GET /pets/{id}\"");
        assertThat(json("")).isEqualTo("\"\"");
        assertThat(json("héllo")).isEqualTo("\"héllo\"");
    }

    @Test
    void nullIsTheJsonNull() {
        assertThat(json(null)).isEqualTo("null");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersWhereverTheyStand() {
        assertThat(json("\"a\\b\"")).isEqualTo("\"\\\"a\\\\b\\\"\"");
        assertThat(json("/p\nq\r\tx")).isEqualTo("\"/p\\nq\\r\\tx\"");
        assertThat(json("ab\u0001c\u001f")).isEqualTo("\"ab\\u0001c\\u001f\"");
    }
}
