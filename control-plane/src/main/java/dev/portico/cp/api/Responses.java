package dev.portico.cp.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The HTTP answers of the admin API's resources: 201 with Location, 200 with ETag. */
public final class Responses {

    private Responses() {
    }

    /** 201 Created, Location = the collection's URL + "/" + id, ETag = the revision. */
    public static Response created(UriInfo uri, String id, long revision, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build())
                .tag(ETags.of(revision)).entity(body).build();
    }

    /** 201 Created, Location = the collection's URL + "/" + id, for objects without a revision. */
    public static Response created(UriInfo uri, String id, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).entity(body).build();
    }

    /** 200 with the object and its ETag. */
    public static Response tagged(long revision, Object body) {
        return Response.ok(body).tag(ETags.of(revision)).build();
    }
}
