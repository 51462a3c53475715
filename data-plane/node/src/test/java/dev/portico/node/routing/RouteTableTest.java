package dev.portico.node.routing;

import dev.portico.snapshot.RouteKey;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {

    private static RouteTable<String> table(String... keys) throws MalformedPathException {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (String key : keys) {
            builder.add(RouteKey.parse(key), key);
        }
        return builder.build();
    }

    private static String match(RouteTable<String> table, RouteMethod method, String path) throws MalformedPathException {
        return table.match(method, RequestPath.parse(path), 0);
    }

    @Test
    void literalBeatsParamBeatsGreedyBeatsDefault() throws Exception {
        RouteTable<String> routes = table("GET /pets/mine", "GET /pets/{id}", "GET /pets/{proxy+}", "$default");

        assertThat(match(routes, RouteMethod.GET, "/pets/mine")).isEqualTo("GET /pets/mine");
        assertThat(match(routes, RouteMethod.GET, "/pets/42")).isEqualTo("GET /pets/{id}");
        assertThat(match(routes, RouteMethod.GET, "/pets/42/toys")).isEqualTo("GET /pets/{proxy+}");
        assertThat(match(routes, RouteMethod.GET, "/cats")).isEqualTo("$default");
        assertThat(match(routes, RouteMethod.GET, "/")).isEqualTo("$default");
    }

    @Test
    void specificMethodBeatsAnyAndOtherMethodsFallToAny() throws Exception {
        RouteTable<String> routes = table("GET /pets", "ANY /pets", "POST /pets/{id}");

        assertThat(match(routes, RouteMethod.GET, "/pets")).isEqualTo("GET /pets");
        assertThat(match(routes, RouteMethod.DELETE, "/pets")).isEqualTo("ANY /pets");
        assertThat(match(routes, RouteMethod.OTHER, "/pets")).isEqualTo("ANY /pets");
        assertThat(match(routes, RouteMethod.GET, "/pets/1")).isNull();
    }

    @Test
    void headUsesHeadThenGetThenAny() throws Exception {
        assertThat(match(table("HEAD /a", "GET /a", "ANY /a"), RouteMethod.HEAD, "/a")).isEqualTo("HEAD /a");
        assertThat(match(table("GET /a", "ANY /a"), RouteMethod.HEAD, "/a")).isEqualTo("GET /a");
        assertThat(match(table("ANY /a"), RouteMethod.HEAD, "/a")).isEqualTo("ANY /a");
        assertThat(match(table("POST /a"), RouteMethod.HEAD, "/a")).isNull();
    }

    @Test
    void backtracksWhenTheMoreSpecificBranchHasNothing() throws Exception {
        RouteTable<String> routes = table("GET /a/b/c", "GET /{x}/b/d", "POST /a/{y}");

        assertThat(match(routes, RouteMethod.GET, "/a/b/d")).isEqualTo("GET /{x}/b/d");
        assertThat(match(routes, RouteMethod.GET, "/a/b/c")).isEqualTo("GET /a/b/c");
        // The literal branch has a route at /a/{y} but not for GET: keep looking, then give up.
        assertThat(match(routes, RouteMethod.GET, "/a/zzz")).isNull();
    }

    @Test
    void pathSpecificityComesBeforeMethodSpecificity() throws Exception {
        RouteTable<String> routes = table("ANY /pets/{id}", "GET /{a}/{b}");

        assertThat(match(routes, RouteMethod.GET, "/pets/1")).isEqualTo("ANY /pets/{id}");
    }

    @Test
    void greedyNeedsAtLeastOneSegment() throws Exception {
        RouteTable<String> routes = table("ANY /files/{proxy+}");

        assertThat(match(routes, RouteMethod.GET, "/files/a")).isNotNull();
        assertThat(match(routes, RouteMethod.GET, "/files/a/b/c")).isNotNull();
        assertThat(match(routes, RouteMethod.GET, "/files")).isNull();
        assertThat(match(routes, RouteMethod.GET, "/files/")).isNull();
    }

    @Test
    void rootRouteAndTrailingSlash() throws Exception {
        RouteTable<String> routes = table("GET /", "GET /pets");

        assertThat(match(routes, RouteMethod.GET, "/")).isEqualTo("GET /");
        assertThat(match(routes, RouteMethod.GET, "")).isEqualTo("GET /");
        assertThat(match(routes, RouteMethod.GET, "/pets/")).isEqualTo("GET /pets");
        assertThat(match(routes, RouteMethod.GET, "/pets//")).isNull();
    }

    @Test
    void matchesDecodedSegmentsAndEncodedSlashNeverSplits() throws Exception {
        RouteTable<String> routes = table("GET /a%20b/{id}", "GET /x/{id}/y", "GET /caf%C3%A9");

        assertThat(match(routes, RouteMethod.GET, "/a%20b/1")).isEqualTo("GET /a%20b/{id}");
        assertThat(match(routes, RouteMethod.GET, "/x/1%2F2/y")).isEqualTo("GET /x/{id}/y");
        assertThat(match(routes, RouteMethod.GET, "/x/1/2/y")).isNull();
        assertThat(match(routes, RouteMethod.GET, "/caf%c3%a9")).isEqualTo("GET /caf%C3%A9");
    }

    @Test
    void literalsAreCaseSensitive() throws Exception {
        assertThat(match(table("GET /Pets"), RouteMethod.GET, "/pets")).isNull();
    }

    @Test
    void emptySegmentsMatchOnlyGreedy() throws Exception {
        RouteTable<String> routes = table("GET /a/{id}/b", "GET /g/{proxy+}");

        assertThat(match(routes, RouteMethod.GET, "/a//b")).isNull();
        assertThat(match(routes, RouteMethod.GET, "/g/x//y")).isEqualTo("GET /g/{proxy+}");
    }

    @Test
    void matchesFromAnOffsetAfterTheStage() throws Exception {
        RouteTable<String> routes = table("GET /users/{id}");

        assertThat(routes.match(RouteMethod.GET, RequestPath.parse("/prod/users/7"), 1)).isEqualTo("GET /users/{id}");
        assertThat(routes.match(RouteMethod.GET, RequestPath.parse("/prod"), 1)).isNull();
    }

    @Test
    void refusesIndistinguishableKeys() {
        assertThatThrownBy(() -> table("GET /pets/{id}", "GET /pets/{name}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parametersAreReadByPositionAndEncodedForTheirPlace() throws Exception {
        RouteKey key = RouteKey.parse("GET /users/{id}/files/{proxy+}");
        List<ParamSlot> slots = ParamSlot.of(key);
        PathParameters params = new PathParameters(slots, RequestPath.parse("/prod/users/a%2Fb/files/x%20y/z/"), 1);

        assertThat(params.value(0)).isEqualTo("a/b");
        assertThat(params.value(1)).isEqualTo("x y/z/");
        assertThat(params.encodedForPath(0)).isEqualTo("a%2Fb");
        assertThat(params.encodedForPath(1)).isEqualTo("x%20y/z/");
        assertThat(params.encodedForQuery(0)).isEqualTo("a%2Fb");
    }

    @Test
    void eachOfManyRoutesMatchesItsOwnPaths() throws Exception {
        RouteTable.Builder<String> builder = RouteTable.builder();
        for (int i = 0; i < 10_000; i++) {
            builder.add(RouteKey.parse("GET /r" + i + "/{id}"), "route " + i);
        }
        RouteTable<String> routes = builder.build();

        assertThat(match(routes, RouteMethod.GET, "/r9999/7")).isEqualTo("route 9999");
        assertThat(match(routes, RouteMethod.GET, "/r0/7")).isEqualTo("route 0");
    }
}
