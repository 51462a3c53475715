package dev.portico.node.integration;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EventBodyTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2};

    @Test
    void textualTypesTravelAsText() {
        for (String type : new String[] {"text/plain", "text/csv; charset=utf-8", "application/json",
            "application/problem+json", "application/xml", "image/svg+xml", "application/x-www-form-urlencoded",
            "application/javascript", "APPLICATION/JSON"}) {
            assertThat(EventBody.of(type, Buffer.buffer("héllo"))).as(type).isEqualTo(new EventBody("héllo", false));
        }
        assertThat(EventBody.of(null, Buffer.buffer("plain"))).as("no Content-Type, valid UTF-8").isEqualTo(
                new EventBody("plain", false));
    }

    @Test
    void otherTypesAndInvalidUtf8TravelAsBase64() {
        String base64 = Base64.getEncoder().encodeToString(PNG);
        assertThat(EventBody.of("image/png", Buffer.buffer(PNG))).isEqualTo(new EventBody(base64, true));
        assertThat(EventBody.of("application/octet-stream", Buffer.buffer("abc")).base64()).isTrue();
        assertThat(EventBody.of("text/plain", Buffer.buffer(PNG))).as("not UTF-8").isEqualTo(new EventBody(base64, true));
        assertThat(EventBody.of(null, Buffer.buffer(PNG)).base64()).isTrue();
    }

    @Test
    void noBodyIsNull() {
        assertThat(EventBody.of("application/json", Buffer.buffer())).isEqualTo(EventBody.NONE);
        assertThat(EventBody.NONE.value()).isNull();
    }
}
