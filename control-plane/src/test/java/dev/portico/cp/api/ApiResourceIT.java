package dev.portico.cp.api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.APIS;
import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ApiResourceIT {

    @Test
    void createsAnApiWithLocationAndETag() {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "pets", "description", "pet store"))
                .post(APIS).then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", matchesPattern("[a-z0-9]{10}"))
                .body("name", equalTo("pets"))
                .body("description", equalTo("pet store"))
                .body("revision", equalTo(1))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(APIS + "/" + id);

        given().get(APIS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("pets"))
                .body("createdAt", equalTo(created.path("createdAt")))
                .body("updatedAt", equalTo(created.path("updatedAt")));
    }

    @Test
    void namesEveryBadField() {
        List<String> fields = badFields(given().contentType(ContentType.JSON)
                .body(Map.of("name", " ", "description", "x".repeat(1025))).post(APIS).then());
        assertThat(fields).containsExactly("name", "description");
    }

    @Test
    void rejectsUnknownFields() {
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "x", "colour", "blue")).post(APIS).then(),
                400, "UNKNOWN_FIELD").body("errors[0].field", equalTo("colour"));
    }

    @Test
    void pagesThroughEveryApiOnce() {
        List<String> mine = List.of(createApi("page-a"), createApi("page-b"), createApi("page-c"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(APIS).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).isSorted();
    }

    @Test
    void badPagingParametersAreNamed() {
        assertThat(badFields(given().queryParam("limit", "many").get(APIS).then())).containsExactly("limit");
        assertThat(badFields(given().queryParam("limit", 0).get(APIS).then())).containsExactly("limit");
        assertThat(badFields(given().queryParam("cursor", "%%%").get(APIS).then())).containsExactly("cursor");
    }

    @Test
    void patchHonoursIfMatch() {
        String id = createApi("etag");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("description", "first"))
                .patch(APIS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("revision", equalTo(2)).body("name", equalTo("etag")).body("description", equalTo("first"));

        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("name", "late"))
                .patch(APIS + "/" + id).then(), 412, "STALE_ETAG");
        given().get(APIS + "/" + id).then().body("name", equalTo("etag"));

        given().contentType(ContentType.JSON).body(Map.of("description", "")).patch(APIS + "/" + id)
                .then().statusCode(200).body("description", nullValue()).body("revision", equalTo(3));
    }

    @Test
    void unknownApisAreNotFound() {
        problem(given().get(APIS + "/nosuchapi0").then(), 404, "NOT_FOUND");
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch(APIS + "/nosuchapi0").then(),
                404, "NOT_FOUND");
        problem(given().delete(APIS + "/nosuchapi0").then(), 404, "NOT_FOUND");
    }

    @Test
    void deleteRemovesTheApi() {
        String id = createApi("short-lived");
        given().delete(APIS + "/" + id).then().statusCode(204);
        problem(given().get(APIS + "/" + id).then(), 404, "NOT_FOUND");
    }

    @Test
    void theOpenApiDocumentDescribesTheDomain() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/admin/v1/apis/{apiId}/stages/{stage}/rollback"))
                .body("paths", hasKey("/admin/v1/apis/{apiId}/deployments/{id}/diff"))
                .body("components.schemas", hasKey("StageView"));
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerReadsButCannotWrite() {
        given().get(APIS).then().statusCode(200);
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "nope")).post(APIS).then(), 403, "FORBIDDEN");
        problem(given().delete(APIS + "/whatever00").then(), 403, "FORBIDDEN");
        problem(given().contentType(ContentType.JSON).body(Map.of()).post(APIS + "/whatever00/deployments").then(),
                403, "FORBIDDEN");
    }
}
