package dev.portico.node.integration;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AWS's result rules per payload version, and what the node refuses. */
class FunctionResultTest {

    private static FunctionResult v1(String json) {
        return PayloadFormat.V1_0.result(Buffer.buffer(json));
    }

    private static FunctionResult v2(String json) {
        return PayloadFormat.V2_0.result(Buffer.buffer(json));
    }

    private static void assertRefused(String answer, Runnable read, GatewayError reason) {
        assertThatThrownBy(read::run).as(answer).isInstanceOfSatisfying(FunctionFailure.class,
                failure -> assertThat(failure.reason()).isEqualTo(reason));
    }

    @Test
    void version1MergesBothHeaderMapsAndDecodesBase64() {
        FunctionResult result = v1("{\"statusCode\":404,\"headers\":{\"X-A\":\"1\",\"X-B\":\"2\"},"
                + "\"multiValueHeaders\":{\"X-A\":[\"1\",\"3\"]},\"body\":\"aGk=\",\"isBase64Encoded\":true}");
        assertThat(result.statusCode()).isEqualTo(404);
        assertThat(result.headers().getAll("X-A")).containsExactly("1", "3");
        assertThat(result.headers().getAll("X-B")).containsExactly("2");
        assertThat(result.body().toString()).isEqualTo("hi");
        assertThat(v1("{\"statusCode\":204}").body().length()).as("no body").isZero();
    }

    @Test
    void version1WithoutANumericStatusCodeOrNotAnObjectIsInvalid() {
        for (String bad : new String[] {"{\"body\":\"x\"}", "{\"statusCode\":\"200\"}", "{\"statusCode\":99}",
            "{\"statusCode\":200.5}", "\"text\"", "[1]", "not json", "",
            "{\"statusCode\":200,\"headers\":[1]}", "{\"statusCode\":200,\"body\":{}}",
            "{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}",
            "{\"statusCode\":200,\"headers\":{\"X-A\":\"a\\r\\nSet-Cookie: evil\"}}",
            "{\"statusCode\":200,\"headers\":{\"bad name\":\"x\"}}"}) {
            assertRefused(bad, () -> v1(bad), GatewayError.FUNCTION_RESULT_INVALID);
        }
    }

    @Test
    void anErrorObjectIsAFunctionErrorInBothVersions() {
        String error = "{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}";
        assertRefused(error, () -> v1(error), GatewayError.FUNCTION_ERROR);
        assertRefused(error, () -> v2(error), GatewayError.FUNCTION_ERROR);
    }

    @Test
    void version2CookiesBecomeSetCookieHeaders() {
        FunctionResult result = v2("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\"},"
                + "\"cookies\":[\"a=1; Path=/\",\"b=2\"],\"body\":\"made\"}");
        assertThat(result.statusCode()).isEqualTo(201);
        assertThat(result.headers().getAll("Set-Cookie")).containsExactly("a=1; Path=/", "b=2");
        assertThat(result.body().toString()).isEqualTo("made");
    }

    @Test
    void version2JsonWithoutStatusCodeIsA200JsonBody() {
        FunctionResult object = v2("{\"pets\":[1,2]}");
        assertThat(object.statusCode()).isEqualTo(200);
        assertThat(object.headers().get("Content-Type")).isEqualTo("application/json");
        assertThat(object.body().toString()).isEqualTo("{\"pets\":[1,2]}");
        assertThat(v2("\"hello\"").body().toString()).as("a string is the body itself").isEqualTo("hello");
        assertThat(v2("[1,2]").body().toString()).isEqualTo("[1,2]");
        assertThat(v2("42").body().toString()).isEqualTo("42");
    }

    @Test
    void version2ThatIsNotJsonOrHasABadStatusIsInvalid() {
        for (String bad : new String[] {"<html>", "{\"statusCode\":\"ok\"}", "{\"statusCode\":700}",
            "{\"statusCode\":200,\"cookies\":\"a=1\"}"}) {
            assertRefused(bad, () -> v2(bad), GatewayError.FUNCTION_RESULT_INVALID);
        }
    }

    @Test
    void hopByHopAndLengthHeadersFromTheFunctionAreDropped() {
        FunctionResult result = v2("{\"statusCode\":200,\"headers\":{\"Connection\":\"close\",\"Transfer-Encoding\":\"chunked\","
                + "\"Content-Length\":\"999\",\"Keep-Alive\":\"timeout=5\",\"X-Kept\":\"yes\"}}");
        assertThat(result.headers().names()).containsExactly("X-Kept");
    }
}
