package dev.portico.node.pipeline;

import java.util.List;

/**
 * When a request's body length can be read two ways: both Content-Length and Transfer-Encoding,
 * several Content-Length values, or a Transfer-Encoding other than a single "chunked". A front
 * end and a back end that read such a request differently is how requests get smuggled, so the
 * gateway refuses it (RFC 9112 §6.1 and §6.3 allow a server to) rather than guess.
 */
public final class Framing {

    private Framing() {
    }

    public static boolean ambiguous(List<String> transferEncodings, List<String> contentLengths) {
        if (transferEncodings.isEmpty()) {
            return contentLengths.size() > 1;
        }
        return !contentLengths.isEmpty()
                || transferEncodings.size() > 1
                || !"chunked".equalsIgnoreCase(transferEncodings.get(0).trim());
    }
}
