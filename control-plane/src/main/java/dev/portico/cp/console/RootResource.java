package dev.portico.cp.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** {@code /}: the control plane's front page is the console. */
@Path("/")
@PermitAll
public class RootResource {

    @GET
    public Response root() {
        return Navigation.seeOther(Navigation.HOME);
    }
}
