package dev.portico.node.validate;

import java.util.List;

/**
 * The parts of a request that required parameters are looked up in. The validation step answers
 * from the exchange, lazily, so a route that requires only a header never has its query decoded.
 */
public interface RequestParameters {

    /** Every value of query parameter {@code name} (decoded), empty when absent. */
    List<String> query(String name);

    /** Every value of header {@code name}, matched ignoring case; empty when absent. */
    List<String> header(String name);

    /** The decoded value of the route's path parameter at {@code index} (an index into its slots). */
    String path(int index);
}
