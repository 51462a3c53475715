package dev.portico.node.pipeline;

import dev.portico.snapshot.GatewayResponseTemplate;
import dev.portico.snapshot.GatewayResponseTemplate.Part;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A gateway response's header value or body, compiled for one error of one stage. Everything but the
 * request id and the validation errors is known when compiling and folded into literal text, so
 * rendering is a few appends.
 */
final class AnswerTemplate {

    /** The values known when compiling. */
    record Constants(String apiId, String stage, Map<String, String> stageVariables, String message, String type) {
    }

    private enum Kind { TEXT, REQUEST_ID, VALIDATION_ERRORS }

    private final Kind[] kinds;
    private final String[] texts;

    private AnswerTemplate(Kind[] kinds, String[] texts) {
        this.kinds = kinds;
        this.texts = texts;
    }

    static AnswerTemplate compile(String template, Constants constants) {
        List<Kind> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Part part : GatewayResponseTemplate.parse(template)) {
            Kind kind = kind(part);
            if (kind == Kind.TEXT) {
                text.append(constant(part, constants));
                continue;
            }
            if (!text.isEmpty()) {
                kinds.add(Kind.TEXT);
                texts.add(text.toString());
                text.setLength(0);
            }
            kinds.add(kind);
            texts.add(null);
        }
        if (!text.isEmpty()) {
            kinds.add(Kind.TEXT);
            texts.add(text.toString());
        }
        return new AnswerTemplate(kinds.toArray(new Kind[0]), texts.toArray(new String[0]));
    }

    private static Kind kind(Part part) {
        if (part.source() != GatewayResponseTemplate.Source.CONTEXT) {
            return Kind.TEXT;
        }
        return switch (part.name()) {
            case "requestId" -> Kind.REQUEST_ID;
            case "error.validationErrorString" -> Kind.VALIDATION_ERRORS;
            default -> Kind.TEXT;
        };
    }

    private static String constant(Part part, Constants constants) {
        return switch (part.source()) {
            case TEXT -> part.name();
            case STAGE_VARIABLE -> constants.stageVariables().getOrDefault(part.name(), "");
            case CONTEXT -> switch (part.name()) {
                case "apiId" -> constants.apiId();
                case "stage" -> constants.stage();
                case "error.message" -> constants.message();
                case "error.messageString" -> Json.encode(constants.message());
                case "error.responseType" -> constants.type();
                default -> throw new IllegalArgumentException("$context." + part.name() + " is not known");
            };
        };
    }

    String render(String requestId, List<String> errors) {
        if (kinds.length == 1 && kinds[0] == Kind.TEXT) {
            return texts[0];
        }
        StringBuilder out = new StringBuilder(128);
        for (int i = 0; i < kinds.length; i++) {
            switch (kinds[i]) {
                case TEXT -> out.append(texts[i]);
                case REQUEST_ID -> out.append(requestId);
                case VALIDATION_ERRORS -> out.append(new JsonArray(new ArrayList<>(errors)).encode());
            }
        }
        return out.toString();
    }
}
