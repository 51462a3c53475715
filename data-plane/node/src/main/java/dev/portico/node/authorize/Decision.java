package dev.portico.node.authorize;

import dev.portico.node.pipeline.GatewayError;

/**
 * What an authorizer decided: let in (who) or refuse (why). Exactly one of the two is set.
 */
public record Decision(Authorized authorized, GatewayError refusal) {

    public static Decision allow(Authorized authorized) {
        return new Decision(authorized, null);
    }

    public static Decision refuse(GatewayError reason) {
        return new Decision(null, reason);
    }

    public boolean allowed() {
        return refusal == null;
    }
}
