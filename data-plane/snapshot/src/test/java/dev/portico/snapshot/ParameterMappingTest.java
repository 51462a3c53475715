package dev.portico.snapshot;

import dev.portico.snapshot.ParameterMapping.Action;
import dev.portico.snapshot.ParameterMapping.Part;
import dev.portico.snapshot.ParameterMapping.Source;
import dev.portico.snapshot.ParameterMapping.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterMappingTest {

    @Test
    void parsesKeysAndReferences() {
        ParameterMapping user = ParameterMapping.parse("overwrite:header.X-User", "$context.authorizer.claims.sub");
        assertThat(user).isEqualTo(new ParameterMapping(Action.OVERWRITE, Target.HEADER, "X-User",
                List.of(new Part(Source.CONTEXT, "authorizer.claims.sub"))));
        assertThat(ParameterMapping.parse("append:querystring.tenant", "t-${request.header.X-Tenant}/$stageVariables.env")
                .value()).containsExactly(new Part(Source.TEXT, "t-"), new Part(Source.HEADER, "X-Tenant"),
                new Part(Source.TEXT, "/"), new Part(Source.STAGE_VARIABLE, "env"));
        assertThat(ParameterMapping.parse("overwrite:path", "/v2$request.path").value())
                .containsExactly(new Part(Source.TEXT, "/v2"), new Part(Source.PATH, null));
        assertThat(ParameterMapping.parse("overwrite:header.X-Id", "$request.path.id $request.querystring.q").value())
                .containsExactly(new Part(Source.PATH_PARAMETER, "id"), new Part(Source.TEXT, " "),
                        new Part(Source.QUERYSTRING, "q"));
        ParameterMapping remove = ParameterMapping.parse("remove:header.Cookie", null);
        assertThat(remove.action()).isEqualTo(Action.REMOVE);
        assertThat(remove.value()).isEmpty();
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> ParameterMapping.parse("set:header.X", "a")).hasMessageContaining("action:target");
        assertThatThrownBy(() -> ParameterMapping.parse("append:path", "a")).hasMessageContaining("overwrite:path");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:path", "/v2?debug=1")).hasMessageContaining("without '?' or '#'");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header", "a")).hasMessageContaining("names no header");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.a b", "a")).hasMessageContaining("not a header name");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.Content-Length", "1"))
                .hasMessageContaining("set by the gateway");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.X", "")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.X", "$context.secret"))
                .hasMessageContaining("$context.secret is not known");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.X", "$request.body.a"))
                .hasMessageContaining("$request.body.a is not known");
        assertThatThrownBy(() -> ParameterMapping.parse("overwrite:header.X", "$request.header"))
                .hasMessageContaining("needs a name");
    }

    @Test
    void readsIdentitySourcesAndRefusesWhatAnAuthorizerCannotSee() {
        assertThat(ParameterMapping.identitySource("$request.header.Authorization"))
                .isEqualTo(new Part(Source.HEADER, "Authorization"));
        assertThat(ParameterMapping.identitySource("$request.querystring.token")).isEqualTo(new Part(Source.QUERYSTRING, "token"));
        assertThat(ParameterMapping.identitySource("$stageVariables.tenant")).isEqualTo(new Part(Source.STAGE_VARIABLE, "tenant"));
        assertThat(ParameterMapping.identitySource("$context.identity.sourceIp"))
                .isEqualTo(new Part(Source.CONTEXT, "identity.sourceIp"));
        for (String bad : new String[] {"Authorization", "$request.path", "$request.path.id", "$context.authorizer.claims.sub",
                "$context.nope", "$request.header.A $request.header.B", "x-$request.header.A", ""}) {
            assertThatThrownBy(() -> ParameterMapping.identitySource(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
