package dev.portico.cp.usageplan;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.portico.cp.api.AdminCalls.problem;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.PLANS;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.apiWithStages;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.createPlan;
import static dev.portico.cp.usageplan.UsagePlanResourceIT.stage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ImportedKeyPlansIT {

    static final String IMPORT = "/admin/v1/api-keys/import";

    @Inject
    DataSource database;

    @Test
    void importedKeysAreSubscribedToThePlansTheirLineNames() {
        String api = apiWithStages("imported", "dev", "prod");
        String dev = createPlan(Map.of("name", "dev", "apiStages", List.of(stage(api, "dev"))));
        String prod = createPlan(Map.of("name", "prod", "apiStages", List.of(stage(api, "prod"))));
        List<String> ids = given().contentType("text/csv")
                .body("name,key,usageplanIds\n"
                        + "both," + freshKey() + ",\"" + dev + ";" + prod + "\"\n"
                        + "commas," + freshKey() + ",\"" + dev + ", " + prod + "\"\n"
                        + "one," + freshKey() + "," + prod + "\n"
                        + "none," + freshKey() + ",\n")
                .post(IMPORT).then().statusCode(201).extract().jsonPath().getList("items.id", String.class);
        given().get(PLANS + "/" + dev + "/keys").then().body("items.keyId", containsInAnyOrder(ids.get(0), ids.get(1)));
        given().get(PLANS + "/" + prod + "/keys").then()
                .body("items.keyId", containsInAnyOrder(ids.get(0), ids.get(1), ids.get(2)));
    }

    @Test
    void unknownOrClashingPlansRefuseTheWholeFileByLine() throws SQLException {
        String api = apiWithStages("clashing", "prod");
        String free = createPlan(Map.of("name", "free", "apiStages", List.of(stage(api, "prod"))));
        String pro = createPlan(Map.of("name", "pro", "apiStages", List.of(stage(api, "prod"))));
        long keys = count("api_key");
        long subscriptions = count("usage_plan_key");
        problem(given().contentType("text/csv")
                .body("name,key,usageplanIds\n"
                        + "good," + freshKey() + "," + free + "\n"
                        + "unknown," + freshKey() + ",nosuchplan\n"
                        + "clash," + freshKey() + ",\"" + free + ";" + pro + "\"\n")
                .post(IMPORT).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("line 3: usageplanIds", "line 4: usageplanIds"))
                .body("errors[0].message", containsString("nosuchplan"))
                .body("errors[1].message", containsString(api + "/prod"))
                .body("detail", containsString("nothing was imported"));
        assertThat(count("api_key")).isEqualTo(keys);
        assertThat(count("usage_plan_key")).isEqualTo(subscriptions);
    }

    private static String freshKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long count(String table) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
