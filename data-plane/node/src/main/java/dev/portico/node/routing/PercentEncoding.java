package dev.portico.node.routing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding for path segments and query components. Decoding is strict (bad escapes
 * and invalid UTF-8 are errors, never guessed at) because a gateway that decodes loosely can be made
 * to route one path and forward another.
 */
public final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** pchar without "%": unreserved, sub-delims, ":" and "@". "/" is absent, so it is always escaped. */
    private static final boolean[] SEGMENT_SAFE = safe("-._~!$&'()*+,;=:@");
    /** Only unreserved characters survive in a query component ("&", "=", "+" would change its meaning). */
    private static final boolean[] QUERY_SAFE = safe("-._~");

    private PercentEncoding() {
    }

    /** Decodes one path segment; "+" stays "+" (it means space only in form bodies). */
    public static String decode(String text) throws MalformedPathException {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteBuffer bytes = ByteBuffer.allocate(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new MalformedPathException("truncated percent-escape in \"" + text + "\"");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new MalformedPathException("bad percent-escape in \"" + text + "\"");
                }
                bytes.put((byte) (hi << 4 | lo));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                throw new MalformedPathException("raw non-ASCII character in \"" + text + "\"");
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPathException("percent-escapes in \"" + text + "\" are not UTF-8");
        }
    }

    /** Encodes a decoded value as one path segment: "/" becomes "%2F" so it can never split a segment. */
    public static String encodeSegment(String value) {
        return encode(value, SEGMENT_SAFE);
    }

    /** Encodes a decoded value as a query-string name or value. */
    public static String encodeQueryComponent(String value) {
        return encode(value, QUERY_SAFE);
    }

    private static String encode(String value, boolean[] safe) {
        int i = 0;
        while (i < value.length() && isSafe(value.charAt(i), safe)) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && isSafe((char) c, safe)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isSafe(char c, boolean[] safe) {
        return c < 128 && safe[c];
    }

    private static boolean[] safe(String extra) {
        boolean[] safe = new boolean[128];
        for (char c = 'a'; c <= 'z'; c++) {
            safe[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            safe[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            safe[c] = true;
        }
        for (char c : extra.toCharArray()) {
            safe[c] = true;
        }
        return safe;
    }
}
