package dev.portico.node.pipeline;

import dev.portico.snapshot.GatewayResponse;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** One gateway response compiled for one error of one stage: status, header templates and body template. */
record CustomAnswer(Integer status, String[] headerNames, AnswerTemplate[] headerValues, AnswerTemplate body) {

    static CustomAnswer compile(GatewayResponse response, AnswerTemplate.Constants constants) {
        String[] names = response.headers().keySet().stream().sorted().toArray(String[]::new);
        AnswerTemplate[] values = new AnswerTemplate[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = AnswerTemplate.compile(response.headers().get(names[i]), constants);
        }
        AnswerTemplate body = response.body() == null ? null : AnswerTemplate.compile(response.body(), constants);
        return new CustomAnswer(response.statusCode(), names, values, body);
    }

    /** Header values with CR or LF (from a stage variable, say) are left out rather than split the head. */
    void writeHeaders(MultiMap headers, String requestId, List<String> errors) {
        for (int i = 0; i < headerNames.length; i++) {
            String value = headerValues[i].render(requestId, errors);
            if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
                headers.set(headerNames[i], value);
            }
        }
    }

    Buffer body(String requestId, List<String> errors, GatewayError reason) {
        if (body == null) {
            return Buffer.buffer(reason.body());
        }
        return Buffer.buffer(body.render(requestId, errors).getBytes(StandardCharsets.UTF_8));
    }
}
