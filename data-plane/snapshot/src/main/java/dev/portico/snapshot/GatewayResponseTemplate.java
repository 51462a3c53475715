package dev.portico.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A header value or body of a {@link GatewayResponse}: literal text with {@code $context.*} and
 * {@code $stageVariables.*} references, bare or as {@code ${…}}. Parsed once, here, for both planes.
 * A {@code $} that starts no reference stays text, so bodies may carry JSON with dollar signs.
 */
public final class GatewayResponseTemplate {

    /** Where a part comes from. */
    public enum Source { TEXT, CONTEXT, STAGE_VARIABLE }

    public record Part(Source source, String name) {
    }

    /**
     * The {@code $context.} names: {@code error.message} as is, {@code error.messageString} as a quoted
     * JSON string, {@code error.validationErrorString} the 400s' list of errors as a JSON array,
     * {@code error.responseType} the {@link GatewayResponseType}.
     */
    public static final Set<String> CONTEXT_NAMES = Set.of("requestId", "apiId", "stage", "error.message",
            "error.messageString", "error.validationErrorString", "error.responseType");

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(context|stageVariables)\\.([^}]+)}|\\$(context|stageVariables)\\.([A-Za-z0-9_]+(?:\\.[A-Za-z][A-Za-z0-9_]*)*)");

    private GatewayResponseTemplate() {
    }

    /** Throws {@link IllegalArgumentException} naming an unknown {@code $context} reference. */
    public static List<Part> parse(String template) {
        List<Part> parts = new ArrayList<>();
        if (template == null) {
            return parts;
        }
        Matcher m = REFERENCE.matcher(template);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                parts.add(new Part(Source.TEXT, template.substring(at, m.start())));
            }
            boolean braced = m.group(1) != null;
            String root = braced ? m.group(1) : m.group(3);
            String name = braced ? m.group(2) : m.group(4);
            if (root.equals("stageVariables")) {
                parts.add(new Part(Source.STAGE_VARIABLE, name));
            } else if (CONTEXT_NAMES.contains(name)) {
                parts.add(new Part(Source.CONTEXT, name));
            } else {
                throw new IllegalArgumentException("$context." + name + " is not known; use one of " + CONTEXT_NAMES);
            }
            at = m.end();
        }
        if (at < template.length()) {
            parts.add(new Part(Source.TEXT, template.substring(at)));
        }
        return List.copyOf(parts);
    }
}
