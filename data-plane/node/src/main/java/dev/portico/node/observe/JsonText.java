package dev.portico.node.observe;

/** Writes JSON values into a StringBuilder: enough for flat log lines, without a JSON library on the hot path. */
final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /** Appends {@code "value"} escaped, or {@code null}. */
    static StringBuilder string(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        int clean = 0;
        while (clean < value.length() && !needsEscape(value.charAt(clean))) {
            clean++;
        }
        out.append('"');
        if (clean == value.length()) {
            // Nearly every value needs no escaping: copied whole rather than char by char.
            return out.append(value).append('"');
        }
        out.append(value, 0, clean);
        for (int i = clean; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == '"' || c == '\\';
    }
}
