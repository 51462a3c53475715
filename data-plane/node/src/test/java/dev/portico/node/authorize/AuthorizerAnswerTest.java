package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorizerAnswerTest {

    private static Decision simple(String json) {
        return AuthorizerAnswer.read(Buffer.buffer(json), true);
    }

    private static Decision policy(String json) {
        return AuthorizerAnswer.read(Buffer.buffer(json), false);
    }

    @Test
    void simpleResponsesSayYesOrNo() {
        Decision yes = simple("{\"isAuthorized\":true,\"context\":{\"tenant\":\"acme\",\"level\":3,\"gone\":null}}");
        assertThat(yes.allowed()).isTrue();
        assertThat(yes.authorized().principal()).isNull();
        assertThat(yes.authorized().context()).containsEntry("tenant", "acme").containsEntry("level", 3).hasSize(2);
        assertThat(simple("{\"isAuthorized\":false}").refusal()).isEqualTo(GatewayError.CUSTOM_DENIED);
    }

    @Test
    void aSimpleResponseWithoutABooleanIsNotADecision() {
        assertThatThrownBy(() -> simple("{}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simple("{\"isAuthorized\":\"true\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simple("not json")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> simple("[true]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyAllowsWhenSomeStatementAllowsAndNoneDenies() {
        Decision allowed = policy("{\"principalId\":\"user-9\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]},\"context\":{\"a\":\"b\"}}");
        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.authorized().principal()).isEqualTo("user-9");
        assertThat(allowed.authorized().context()).containsEntry("a", "b");
        assertThat(policy("{\"policyDocument\":{\"Statement\":{\"Effect\":\"Allow\"}}}").allowed()).as("one statement, not a list").isTrue();

        assertThat(policy("{\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\"},{\"Effect\":\"Deny\"}]}}").refusal())
                .isEqualTo(GatewayError.CUSTOM_DENIED);
        assertThat(policy("{\"policyDocument\":{\"Statement\":[]}}").refusal()).isEqualTo(GatewayError.CUSTOM_DENIED);
        assertThatThrownBy(() -> policy("{\"principalId\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy("{\"policyDocument\":{}}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreCachedForTheIssuersMaxAgeWithinBounds() {
        assertThat(CacheControl.maxAge(null)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CacheControl.maxAge("public, max-age=120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(CacheControl.maxAge("max-age=0")).isEqualTo(Duration.ofSeconds(1));
        assertThat(CacheControl.maxAge("max-age=99999999")).isEqualTo(Duration.ofDays(1));
        assertThat(CacheControl.maxAge("max-age=soon")).isEqualTo(Duration.ofMinutes(5));
        assertThat(CacheControl.maxAge("no-store")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void identitySourcesFollowTheContractsGrammar() {
        for (String good : new String[] {"$request.header.Authorization", "$request.querystring.token",
                "$context.identity.sourceIp", "$context.requestTime", "$stageVariables.tenant"}) {
            assertThat(IdentitySource.parse(good, Map.of("tenant", "t1"))).as(good).isNotNull();
        }
        for (String bad : new String[] {"$request.header.", "$context.nope", "Authorization", "$context.authorizer.x"}) {
            assertThatThrownBy(() -> IdentitySource.parse(bad, Map.of())).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
