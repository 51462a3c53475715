package dev.portico.node.integration;

import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A request body as a function event carries it: text as text, anything else base64 with
 * {@code isBase64Encoded} true. Text is a body whose Content-Type is textual (below) or absent, and
 * whose bytes are valid UTF-8; everything else is binary, so a function never receives mangled bytes.
 *
 * <p>Textual types: {@code text/*}, {@code application/json} and {@code *+json},
 * {@code application/xml} and {@code *+xml}, {@code application/x-www-form-urlencoded},
 * {@code application/javascript} (and {@code x-javascript}).
 *
 * @param value null when the request has no body
 */
record EventBody(String value, boolean base64) {

    static final EventBody NONE = new EventBody(null, false);

    static EventBody of(String contentType, Buffer body) {
        if (body == null || body.length() == 0) {
            return NONE;
        }
        byte[] bytes = body.getBytes();
        if (contentType == null || isTextual(contentType)) {
            String text = utf8(bytes);
            if (text != null) {
                return new EventBody(text, false);
            }
        }
        return new EventBody(Base64.getEncoder().encodeToString(bytes), true);
    }

    static boolean isTextual(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/javascript") || type.equals("application/x-javascript");
    }

    /** The text, or null when the bytes are not valid UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
