package dev.portico.cp.usageplan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.createApi;
import static dev.portico.cp.api.AdminCalls.post;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class UsagePlanResourceIT {

    static final String PLANS = "/admin/v1/usage-plans";

    @Inject
    DataSource database;

    @Test
    void createReadAndListAPlan() {
        String api = apiWithStages("pets", "prod");
        Map<String, Object> body = Map.of("name", "free", "description", "the free tier",
                "throttle", Map.of("rateLimit", 5, "burstLimit", 10),
                "quota", Map.of("limit", 100, "period", "DAY"),
                "apiStages", List.of(Map.of("apiId", api, "stage", "prod",
                        "throttle", Map.of("GET /pets/{id}", Map.of("rateLimit", 1.5, "burstLimit", 2)))));
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON).body(body)
                .post(PLANS).then().statusCode(201).header("ETag", "\"1\"")
                .body("id", matchesPattern("[a-z0-9]{10}"))
                .body("name", equalTo("free"))
                .body("description", equalTo("the free tier"))
                .body("throttle.rateLimit", equalTo(5.0f))
                .body("throttle.burstLimit", equalTo(10))
                .body("quota.limit", equalTo(100))
                .body("quota.period", equalTo("DAY"))
                .body("quota.offset", equalTo(0))
                .body("apiStages[0].apiId", equalTo(api))
                .body("apiStages[0].stage", equalTo("prod"))
                .body("apiStages[0].throttle.'GET /pets/{id}'.rateLimit", equalTo(1.5f))
                .body("apiStages[0].throttle.'GET /pets/{id}'.burstLimit", equalTo(2))
                .body("revision", equalTo(1))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith(PLANS + "/" + id);
        given().get(PLANS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("apiStages.stage", contains("prod"))
                .body("quota.period", equalTo("DAY"))
                .body("createdAt", equalTo(created.path("createdAt")));
        given().queryParam("limit", 100).get(PLANS).then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.apiStages[0].apiId", equalTo(api));
    }

    @Test
    void aPlanNeedsOnlyAName() {
        given().contentType(ContentType.JSON).body(Map.of("name", "bare")).post(PLANS).then().statusCode(201)
                .body("throttle", nullValue()).body("quota", nullValue()).body("apiStages", empty());
    }

    @Test
    void patchReplacesWholePartsUnderIfMatch() {
        String api = apiWithStages("patched", "dev", "prod");
        String id = createPlan(Map.of("name", "tier", "throttle", Map.of("rateLimit", 10, "burstLimit", 20),
                "quota", Map.of("limit", 1000, "period", "MONTH", "offset", 3),
                "apiStages", List.of(stage(api, "dev"))));
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("quota", Map.of("limit", 50, "period", "WEEK"),
                        "apiStages", List.of(stage(api, "prod"), stage(api, "dev"))))
                .patch(PLANS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("quota.limit", equalTo(50)).body("quota.period", equalTo("WEEK")).body("quota.offset", equalTo(0))
                .body("throttle.burstLimit", equalTo(20))
                .body("apiStages.stage", contains("prod", "dev"));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"")
                .body(Map.of("throttle", Map.of(), "quota", Map.of(), "apiStages", List.of(), "name", "renamed"))
                .patch(PLANS + "/" + id).then().statusCode(200)
                .body("throttle", nullValue()).body("quota", nullValue()).body("apiStages", empty())
                .body("name", equalTo("renamed"));

        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("name", "late"))
                .patch(PLANS + "/" + id).then(), 412, "STALE_ETAG");
        given().get(PLANS + "/" + id).then().body("name", equalTo("renamed")).body("revision", equalTo(3));
    }

    @Test
    void deleteRemovesThePlan() throws SQLException {
        String api = apiWithStages("deleted", "prod");
        String id = createPlan(Map.of("name", "gone", "apiStages", List.of(stage(api, "prod"))));
        given().delete(PLANS + "/" + id).then().statusCode(204);
        problem(given().get(PLANS + "/" + id).then(), 404, "NOT_FOUND");
        problem(given().delete(PLANS + "/" + id).then(), 404, "NOT_FOUND");
        assertThat(count("usage_plan_stage WHERE plan_id = '" + id + "'")).isZero();
    }

    @Test
    void deletingAStageTakesItOutOfThePlan() {
        String api = apiWithStages("shrinking", "dev", "prod");
        String id = createPlan(Map.of("name", "two", "apiStages", List.of(stage(api, "dev"), stage(api, "prod"))));
        given().delete("/admin/v1/apis/" + api + "/stages/dev").then().statusCode(204);
        given().get(PLANS + "/" + id).then().body("apiStages.stage", contains("prod"));
    }

    @Test
    void pagesThroughEveryPlanOnce() {
        List<String> mine = List.of(createPlan(Map.of("name", "a")), createPlan(Map.of("name", "b")),
                createPlan(Map.of("name", "c")));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(PLANS).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).isSorted();
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() throws SQLException {
        String api = apiWithStages("strict", "prod");
        String other = apiWithStages("other", "dev");
        long before = count("usage_plan");
        long stagesBefore = count("usage_plan_stage");
        assertThat(badFields(create(Map.of("name", "bad",
                "throttle", Map.of("rateLimit", -1, "burstLimit", 0),
                "quota", Map.of("limit", 0, "period", "YEAR"),
                "apiStages", List.of(
                        stage(api, "prod"),
                        stage(api, "nosuchstage"),
                        stage("nosuchapi0", "prod"),
                        stage(other, "prod"),
                        stage(api, "prod"),
                        Map.of("apiId", api, "stage", "prod", "throttle",
                                Map.of("GET /x", Map.of("rateLimit", 0, "burstLimit", 0), "FETCH x",
                                        Map.of("rateLimit", 1, "burstLimit", 1))))))))
                .containsExactlyInAnyOrder("throttle.rateLimit", "throttle.burstLimit", "quota.limit", "quota.period",
                        "apiStages[1].stage", "apiStages[2].apiId", "apiStages[3].stage", "apiStages[4].stage",
                        "apiStages[5].stage", "apiStages[5].throttle[\"GET /x\"].rateLimit",
                        "apiStages[5].throttle[\"GET /x\"].burstLimit", "apiStages[5].throttle[\"FETCH x\"]");
        assertThat(badFields(create(Map.of("name", "half", "throttle", Map.of("rateLimit", 1),
                "quota", Map.of("period", "DAY"), "apiStages", List.of(Map.of())))))
                .containsExactlyInAnyOrder("throttle.burstLimit", "quota.limit", "apiStages[0].apiId",
                        "apiStages[0].stage");
        assertThat(badFields(create(Map.of("name", "offsets", "quota", Map.of("limit", 1, "period", "DAY", "offset", 1)))))
                .containsExactly("quota.offset");
        assertThat(badFields(create(Map.of("name", "o", "quota", Map.of("limit", 1, "period", "WEEK", "offset", 7)))))
                .containsExactly("quota.offset");
        assertThat(badFields(create(Map.of("name", "o", "quota", Map.of("limit", 1, "period", "MONTH", "offset", 28)))))
                .containsExactly("quota.offset");
        assertThat(badFields(create(Map.of("name", "o", "quota", Map.of("limit", 1, "period", "MONTH", "offset", -1)))))
                .containsExactly("quota.offset");
        create(Map.of("name", "ok", "quota", Map.of("limit", 1, "period", "MONTH", "offset", 27))).statusCode(201);
        assertThat(badFields(create(Map.of("description", "no name")))).containsExactly("name");
        problem(create(Map.of("name", "x", "throttle", Map.of("rateLimit", "fast", "burstLimit", 1))),
                400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("throttle.rateLimit"));
        problem(create(Map.of("name", "x", "throttle", Map.of("rateLimit", 1, "burstLimit", 1.5))),
                400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("throttle.burstLimit"));
        assertThat(count("usage_plan")).isEqualTo(before + 1);
        assertThat(count("usage_plan_stage")).isEqualTo(stagesBefore);

        String id = createPlan(Map.of("name", "kept", "apiStages", List.of(stage(api, "prod"))));
        assertThat(badFields(given().contentType(ContentType.JSON)
                .body(Map.of("name", "", "throttle", Map.of("rateLimit", 0, "burstLimit", 1),
                        "apiStages", List.of(stage(other, "dev"), stage(other, "dev"))))
                .patch(PLANS + "/" + id).then()))
                .containsExactlyInAnyOrder("name", "throttle.rateLimit", "apiStages[1].stage");
        given().get(PLANS + "/" + id).then().body("name", equalTo("kept")).body("revision", equalTo(1))
                .body("apiStages.apiId", contains(api));
        problem(given().get(PLANS + "/nosuchplan").then(), 404, "NOT_FOUND");
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerReadsButCannotWrite() {
        given().get(PLANS).then().statusCode(200);
        problem(create(Map.of("name", "nope")), 403, "FORBIDDEN");
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "x")).patch(PLANS + "/whatever00").then(),
                403, "FORBIDDEN");
        problem(given().delete(PLANS + "/whatever00").then(), 403, "FORBIDDEN");
        problem(given().contentType(ContentType.JSON).body(Map.of("keyId", "whatever00"))
                .post(PLANS + "/whatever00/keys").then(), 403, "FORBIDDEN");
        problem(given().delete(PLANS + "/whatever00/keys/whatever00").then(), 403, "FORBIDDEN");
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void anAdminWrites() {
        createPlan(Map.of("name", "admin-made"));
    }

    static ValidatableResponse create(Object body) {
        return given().contentType(ContentType.JSON).body(body).post(PLANS).then();
    }

    static String createPlan(Object body) {
        return create(body).statusCode(201).extract().path("id");
    }

    static Map<String, Object> stage(String apiId, String stage) {
        return Map.of("apiId", apiId, "stage", stage);
    }

    /** A new API with these stages (not deployed: a plan may cover a stage before it serves anything). */
    static String apiWithStages(String name, String... stages) {
        String api = createApi(name);
        for (String stage : stages) {
            post(api, "/stages", Map.of("name", stage)).statusCode(201);
        }
        return api;
    }

    private long count(String tableAndWhere) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
