package dev.portico.cp.api;

/** The kinds of integration this build can serve; the names are the contract's {@code "type"} values. */
public enum IntegrationType {
    HTTP_PROXY, MOCK, FUNCTION
}
