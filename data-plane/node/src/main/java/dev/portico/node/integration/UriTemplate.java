package dev.portico.node.integration;

import dev.portico.node.routing.ParamSlot;
import dev.portico.node.routing.PathParameters;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An HTTP_PROXY integration URI compiled for one route of one stage. Stage variables are replaced
 * when compiling (they may name the host); route parameters ({@code {id}}, {@code {proxy}} or
 * {@code {proxy+}}) are bound to the route's parameter positions, and only filled in per request,
 * percent-encoded for where they stand (path or query). Parameters are allowed in the path and
 * query only, so a route always talks to one origin and its pooled connections.
 */
final class UriTemplate {

    private static final String STAGE_VARIABLE = "${stageVariables.";

    private final BackendOrigin origin;
    private final String[] literals;
    private final int[] params;
    private final boolean[] inQuery;
    private final boolean hasQuery;

    private UriTemplate(BackendOrigin origin, String[] literals, int[] params, boolean[] inQuery, boolean hasQuery) {
        this.origin = origin;
        this.literals = literals;
        this.params = params;
        this.inQuery = inQuery;
        this.hasQuery = hasQuery;
    }

    /** Throws {@link IllegalArgumentException} saying what is wrong with the URI. */
    static UriTemplate compile(String uri, Map<String, String> stageVariables, List<ParamSlot> slots) {
        String resolved = replaceStageVariables(uri, stageVariables);
        boolean ssl = resolved.regionMatches(true, 0, "https://", 0, 8);
        if (!ssl && !resolved.regionMatches(true, 0, "http://", 0, 7)) {
            throw new IllegalArgumentException("integration URI must start with http:// or https://: " + uri);
        }
        int authorityStart = ssl ? 8 : 7;
        int authorityEnd = authorityStart;
        while (authorityEnd < resolved.length() && "/?#".indexOf(resolved.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        BackendOrigin origin = BackendOrigin.parse(ssl,
                resolved.substring(authorityStart, authorityEnd), uri);
        String rest = resolved.substring(authorityEnd);
        int hash = rest.indexOf('#');
        rest = hash >= 0 ? rest.substring(0, hash) : rest;
        rest = rest.isEmpty() || rest.charAt(0) == '?' ? "/" + rest : rest;
        return bind(origin, rest, slots);
    }

    /** Hand-written rather than regular expressions: this runs for every route of every snapshot. */
    private static String replaceStageVariables(String uri, Map<String, String> variables) {
        int start = uri.indexOf(STAGE_VARIABLE);
        if (start < 0) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length() + 32);
        int done = 0;
        while (start >= 0) {
            int end = uri.indexOf('}', start);
            if (end < 0) {
                break;
            }
            String name = uri.substring(start + STAGE_VARIABLE.length(), end);
            out.append(uri, done, start).append(variables.getOrDefault(name, ""));
            done = end + 1;
            start = uri.indexOf(STAGE_VARIABLE, done);
        }
        return out.append(uri, done, uri.length()).toString();
    }

    private static UriTemplate bind(BackendOrigin origin, String pathAndQuery, List<ParamSlot> slots) {
        int queryStart = pathAndQuery.indexOf('?');
        int max = count(pathAndQuery, '{');
        String[] literals = new String[max + 1];
        int[] params = new int[max];
        boolean[] inQuery = new boolean[max];
        int found = 0;
        int last = 0;
        for (int open = pathAndQuery.indexOf('{'); open >= 0; open = pathAndQuery.indexOf('{', open + 1)) {
            int close = pathAndQuery.indexOf('}', open);
            String name = close < 0 ? null : parameterName(pathAndQuery.substring(open + 1, close));
            if (name == null) {
                continue;
            }
            literals[found] = pathAndQuery.substring(last, open);
            params[found] = slotIndex(slots, name);
            inQuery[found] = queryStart >= 0 && open > queryStart;
            found++;
            last = close + 1;
            open = close;
        }
        literals[found] = pathAndQuery.substring(last);
        return new UriTemplate(origin, Arrays.copyOf(literals, found + 1), Arrays.copyOf(params, found),
                Arrays.copyOf(inQuery, found), queryStart >= 0);
    }

    private static int count(String text, char c) {
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** "id" for "id" or "proxy" for "proxy+"; null when the braces hold something else. */
    private static String parameterName(String inside) {
        String name = inside.endsWith("+") ? inside.substring(0, inside.length() - 1) : inside;
        if (name.isEmpty()) {
            return null;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-' || c > 127) {
                return null;
            }
        }
        return name;
    }

    /** The slot index of a parameter, or -1: a name the route does not have renders as nothing. */
    private static int slotIndex(List<ParamSlot> slots, String name) {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    BackendOrigin origin() {
        return origin;
    }

    /** The request target for the backend: path and query with parameters filled in, then the client's query. */
    String render(PathParameters parameters, String clientQuery) {
        StringBuilder out = new StringBuilder(64).append(literals[0]);
        for (int i = 0; i < params.length; i++) {
            int slot = params[i];
            if (slot >= 0) {
                out.append(inQuery[i] ? parameters.encodedForQuery(slot) : parameters.encodedForPath(slot));
            }
            out.append(literals[i + 1]);
        }
        if (clientQuery != null && !clientQuery.isEmpty()) {
            out.append(hasQuery ? '&' : '?').append(clientQuery);
        }
        return out.toString();
    }
}
