package dev.portico.node.integration;

/**
 * Scheme, host and port of a backend: what a pooled connection is for.
 *
 * @param host as it goes to the socket and the Host header (IPv6 without brackets)
 */
record BackendOrigin(boolean ssl, String host, int port) {

    static BackendOrigin parse(boolean ssl, String authority, String uri) {
        if (authority.contains("@")) {
            throw new IllegalArgumentException("integration URI must not carry user info: " + uri);
        }
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("integration URI has a bad IPv6 host: " + uri);
            }
            host = authority.substring(1, close);
            port = authority.length() > close + 1 && authority.charAt(close + 1) == ':' ? authority.substring(close + 2) : "";
        } else if (authority.indexOf(':') >= 0) {
            host = authority.substring(0, authority.indexOf(':'));
            port = authority.substring(authority.indexOf(':') + 1);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("integration URI has no host: " + uri);
        }
        return new BackendOrigin(ssl, host, port.isEmpty() ? (ssl ? 443 : 80) : parsePort(port, uri));
    }

    private static int parsePort(String port, String uri) {
        try {
            int value = Integer.parseInt(port);
            if (value > 0 && value < 65536) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("integration URI has a bad port \"" + port + "\": " + uri);
    }
}
