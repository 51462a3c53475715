package dev.portico.cp.traffic;

import dev.portico.cp.auth.Roles;
import dev.portico.cp.error.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** {@code GET /admin/v1/traffic?minutes=60}: what the fleet served per minute (1 to 1440 minutes back). */
@Path("/admin/v1/traffic")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.EDITOR, Roles.VIEWER})
public class TrafficResource {

    static final int MAX_MINUTES = (int) (TrafficRecorder.KEEP_HOURS * 60);

    private final TrafficService traffic;

    TrafficResource(TrafficService traffic) {
        this.traffic = traffic;
    }

    @GET
    public TrafficView last(@QueryParam("minutes") @DefaultValue("60") String minutes) {
        return traffic.last(parse(minutes), Instant.now());
    }

    private static int parse(String minutes) {
        try {
            int value = Integer.parseInt(minutes);
            if (value >= 1 && value <= MAX_MINUTES) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("minutes", "must be a whole number from 1 to " + MAX_MINUTES + ", got \"" + minutes + "\"");
    }
}
