package dev.portico.snapshot;

import dev.portico.snapshot.ResponseParameterMapping.Action;
import dev.portico.snapshot.ResponseParameterMapping.Part;
import dev.portico.snapshot.ResponseParameterMapping.Selector;
import dev.portico.snapshot.ResponseParameterMapping.Source;
import dev.portico.snapshot.ResponseParameterMapping.Target;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseParameterMappingTest {

    @Test
    void parsesSelectors() {
        assertThat(ResponseParameterMapping.selector("404")).isEqualTo(new Selector(404, false));
        assertThat(ResponseParameterMapping.selector("5XX")).isEqualTo(new Selector(5, true));
        assertThat(ResponseParameterMapping.selector("5XX").matches(503)).isTrue();
        assertThat(ResponseParameterMapping.selector("404").matches(405)).isFalse();
        for (String bad : new String[] {"600", "99", "4xx", "40X", "", "2XXX", "abc"}) {
            assertThatThrownBy(() -> ResponseParameterMapping.selector(bad)).hasMessageContaining("status selector");
        }
    }

    @Test
    void parsesKeysAndReferences() {
        assertThat(ResponseParameterMapping.parse("overwrite:statuscode", "410"))
                .isEqualTo(new ResponseParameterMapping(Action.OVERWRITE, Target.STATUS_CODE, null,
                        List.of(new Part(Source.TEXT, "410"))));
        assertThat(ResponseParameterMapping.parse("overwrite:statuscode", "$response.header.X-Status").value())
                .containsExactly(new Part(Source.RESPONSE_HEADER, "X-Status"));
        ResponseParameterMapping item = ResponseParameterMapping.parse("append:header.X-Item",
                "${response.body.item.name}/$context.requestId/$stageVariables.env");
        assertThat(item.action()).isEqualTo(Action.APPEND);
        assertThat(item.header()).isEqualTo("X-Item");
        assertThat(item.readsBody()).isTrue();
        assertThat(item.value()).containsExactly(new Part(Source.RESPONSE_BODY, "item.name"), new Part(Source.TEXT, "/"),
                new Part(Source.CONTEXT, "requestId"), new Part(Source.TEXT, "/"), new Part(Source.STAGE_VARIABLE, "env"));
        assertThat(ResponseParameterMapping.parse("overwrite:header.X-Sub", "$context.authorizer.claims.sub").readsBody())
                .isFalse();
        ResponseParameterMapping remove = ResponseParameterMapping.parse("remove:header.Server", "");
        assertThat(remove.action()).isEqualTo(Action.REMOVE);
        assertThat(remove.value()).isEmpty();
    }

    @Test
    void saysWhatIsWrong() {
        assertThatThrownBy(() -> ResponseParameterMapping.parse("set:header.X", "a")).hasMessageContaining("overwrite:statuscode");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:querystring.q", "a")).hasMessageContaining("header.<name>");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("append:statuscode", "200")).hasMessageContaining("only be overwritten");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:statuscode", "99")).hasMessageContaining("not a status code");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:statuscode", "abc")).hasMessageContaining("not a status code");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header.a b", "a")).hasMessageContaining("not a header name");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header.X", "")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header.X", "$response.cookie.a"))
                .hasMessageContaining("$response.cookie.a is not known");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header.X", "$response.body..a"))
                .hasMessageContaining("not a JSON path");
        assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header.X", "$context.nope"))
                .hasMessageContaining("$context.nope is not known");
    }

    @Test
    void refusesReservedHeaders() {
        for (String header : new String[] {"Content-Length", "connection", "Transfer-Encoding", "X-Amz-Date",
                "x-amzn-RequestId", "Access-Control-Allow-Origin", "apigw-requestid", "X-Request-Id", "Via"}) {
            assertThatThrownBy(() -> ResponseParameterMapping.parse("overwrite:header." + header, "a"))
                    .as(header).hasMessageContaining("reserved");
        }
        assertThat(ResponseParameterMapping.parse("remove:header.Server", null).header()).isEqualTo("Server");
    }

    @Test
    void gatewayResponseTemplates() {
        assertThat(GatewayResponseTemplate.parse("{\"m\":$context.error.messageString,\"id\":\"${context.requestId}\"}"))
                .containsExactly(new GatewayResponseTemplate.Part(GatewayResponseTemplate.Source.TEXT, "{\"m\":"),
                        new GatewayResponseTemplate.Part(GatewayResponseTemplate.Source.CONTEXT, "error.messageString"),
                        new GatewayResponseTemplate.Part(GatewayResponseTemplate.Source.TEXT, ",\"id\":\""),
                        new GatewayResponseTemplate.Part(GatewayResponseTemplate.Source.CONTEXT, "requestId"),
                        new GatewayResponseTemplate.Part(GatewayResponseTemplate.Source.TEXT, "\"}"));
        assertThat(GatewayResponseTemplate.parse("costs $5")).hasSize(1);
        assertThatThrownBy(() -> GatewayResponseTemplate.parse("$context.authorizer.x")).hasMessageContaining("not known");
    }
}
