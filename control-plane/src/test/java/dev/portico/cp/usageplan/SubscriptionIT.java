package dev.portico.cp.usageplan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import static dev.portico.cp.api.AdminCalls.problem;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.PLANS;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.apiWithStages;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.createPlan;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.stage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class SubscriptionIT {

    static final String KEYS = "/admin/v1/api-keys";

    @Inject
    DataSource database;

    @Test
    void subscribeListAndUnsubscribe() {
        int revision = given().get("/admin/v1/revisions/current").then().statusCode(200).extract().path("revision");
        String plan = createPlan(Map.of("name", "pro"));
        String key = createKey("subscriber");
        String location = subscribe(plan, key).statusCode(201)
                .body("keyId", equalTo(key)).body("name", equalTo("subscriber"))
                .body("enabled", equalTo(true)).body("displayPrefix", containsString("pk_"))
                .extract().header("Location");
        assertThat(location).endsWith(PLANS + "/" + plan + "/keys/" + key);
        given().get(PLANS + "/" + plan + "/keys").then().statusCode(200)
                .body("items.keyId", contains(key)).body("nextCursor", equalTo(null));
        given().get(PLANS + "/" + plan + "/keys/" + key).then().statusCode(200).body("name", equalTo("subscriber"));

        given().delete(PLANS + "/" + plan + "/keys/" + key).then().statusCode(204);
        given().get(PLANS + "/" + plan + "/keys").then().body("items", empty());
        problem(given().delete(PLANS + "/" + plan + "/keys/" + key).then(), 404, "NOT_FOUND");
        given().get(KEYS + "/" + key).then().statusCode(200);
        // Nodes learn a key's plans from the snapshot: plan, key, subscribe and unsubscribe each grew the revision.
        int after = given().get("/admin/v1/revisions/current").then().extract().path("revision");
        assertThat(after).isGreaterThanOrEqualTo(revision + 4);
    }

    @Test
    void pagesThroughTheKeysOfAPlan() {
        String plan = createPlan(Map.of("name", "crowded"));
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(createKey("k" + i));
            subscribe(plan, keys.get(i)).statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(PLANS + "/" + plan + "/keys").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.keyId", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(keys.stream().sorted().toList());
    }

    @Test
    void badSubscriptionsAreRefused() throws SQLException {
        String plan = createPlan(Map.of("name", "picky"));
        String key = createKey("twice");
        long before = count();
        assertThat(badFields(subscribe(plan, "nosuchkey0"))).containsExactly("keyId");
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of()).post(PLANS + "/" + plan + "/keys")
                .then())).containsExactly("keyId");
        problem(subscribe("nosuchplan", key), 404, "NOT_FOUND");
        subscribe(plan, key).statusCode(201);
        problem(subscribe(plan, key), 409, "KEY_ALREADY_SUBSCRIBED").body("errors[0].field", equalTo("keyId"));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void aKeyHoldsAtMostOnePlanPerApiStage() throws SQLException {
        String api = apiWithStages("shared", "dev", "prod");
        String free = createPlan(Map.of("name", "free", "apiStages", List.of(stage(api, "prod"))));
        String pro = createPlan(Map.of("name", "pro", "apiStages", List.of(stage(api, "dev"), stage(api, "prod"))));
        String devOnly = createPlan(Map.of("name", "dev-only", "apiStages", List.of(stage(api, "dev"))));
        String key = createKey("tiered");
        subscribe(free, key).statusCode(201);
        long before = count();
        problem(subscribe(pro, key), 409, "KEY_PLAN_CONFLICT")
                .body("detail", containsString(api + "/prod")).body("detail", containsString(free))
                .body("errors[0].field", equalTo("keyId"));
        assertThat(count()).isEqualTo(before);
        subscribe(devOnly, key).statusCode(201);

        problem(given().contentType(ContentType.JSON)
                .body(Map.of("apiStages", List.of(stage(api, "dev"), stage(api, "prod"))))
                .patch(PLANS + "/" + devOnly).then(), 409, "KEY_PLAN_CONFLICT")
                .body("detail", containsString(api + "/prod")).body("detail", containsString(key))
                .body("errors[0].field", equalTo("apiStages[1]"));
        given().get(PLANS + "/" + devOnly).then().body("apiStages.stage", contains("dev")).body("revision", equalTo(1));

        given().delete(PLANS + "/" + free + "/keys/" + key).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("apiStages", List.of(stage(api, "dev"), stage(api, "prod"))))
                .patch(PLANS + "/" + devOnly).then().statusCode(200);
    }

    @Test
    void deletingAKeyOrAPlanEndsItsSubscriptions() throws SQLException {
        String plan = createPlan(Map.of("name", "temporary"));
        String other = createPlan(Map.of("name", "lasting"));
        String key = createKey("leaving");
        String stays = createKey("staying");
        subscribe(plan, key).statusCode(201);
        subscribe(plan, stays).statusCode(201);
        subscribe(other, stays).statusCode(201);
        given().delete(KEYS + "/" + key).then().statusCode(204);
        given().get(PLANS + "/" + plan + "/keys").then().body("items.keyId", contains(stays));

        given().delete(PLANS + "/" + plan).then().statusCode(204);
        assertThat(count("WHERE plan_id = '" + plan + "'")).isZero();
        given().get(PLANS + "/" + other + "/keys").then().body("items.keyId", contains(stays));
        given().get(KEYS + "/" + stays).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerReadsSubscriptions() {
        problem(given().get(PLANS + "/nosuchplan/keys").then(), 404, "NOT_FOUND");
    }

    static String createKey(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post(KEYS).then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse subscribe(String plan, String key) {
        return given().contentType(ContentType.JSON).body(Map.of("keyId", key)).post(PLANS + "/" + plan + "/keys").then();
    }

    private long count() throws SQLException {
        return count("");
    }

    private long count(String where) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM usage_plan_key " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
