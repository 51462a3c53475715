package dev.portico.cp.console;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Redirects between console pages, and the one rule for where a login may send the browser next. */
final class Navigation {

    static final String HOME = "/console";
    static final String LOGIN = "/console/login";

    private Navigation() {
    }

    /** 303 See Other: after a POST the browser GETs the result (no resubmit on reload). */
    static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }

    static Response toLogin(UriInfo uri) {
        String here = uri.getRequestUri().getRawPath();
        String query = uri.getRequestUri().getRawQuery();
        return seeOther(LOGIN + "?next=" + encode(query == null ? here : here + "?" + query));
    }

    /** Only console paths of this site: anything else (another host, "//evil") goes to the dashboard. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith(HOME) || next.startsWith("//") || next.contains("\\")
                || next.startsWith(LOGIN)) {
            return HOME;
        }
        return next;
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
