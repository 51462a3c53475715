package dev.portico.cp.apikey;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
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
import java.util.UUID;

import static dev.portico.cp.api.AdminCalls.problem;
import static dev.portico.cp.apikey.ApiKeyResourceIT.KEYS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ApiKeyImportIT {

    static final String IMPORT = KEYS + "/import";

    @Inject
    DataSource database;

    @Test
    void importsEveryKeyOfAGoodFile() throws SQLException {
        String alpha = freshKey();
        String beta = freshKey();
        long before = count();
        given().contentType("text/csv")
                .body("Name,Key,Description,Enabled,usageplanIds\n"
                        + "alpha," + alpha + ",imported,true,\n"
                        + "beta," + beta + ",,false,\n")
                .post(IMPORT).then().statusCode(201)
                .body("imported", equalTo(2))
                .body("items.name", contains("alpha", "beta"))
                .body("items.enabled", contains(true, false))
                .body("items.displayPrefix", contains(alpha.substring(0, 8), beta.substring(0, 8)))
                .body("items", everyItem(not(hasKey("value"))));
        assertThat(count()).isEqualTo(before + 2);
        assertThat(hashes()).contains(ApiKeyValue.hash(alpha), ApiKeyValue.hash(beta));
    }

    @Test
    void anyBadLineRefusesTheWholeFileNamingEachLine() throws SQLException {
        String good = freshKey();
        String dup = freshKey();
        long before = count();
        ValidatableResponse refused = given().contentType("text/csv")
                .body("name,key,description,enabled,usageplanIds\n"
                        + "good," + good + ",,,\n"
                        + "short,abc,,,\n"
                        + "first," + dup + ",,,\n"
                        + "again," + dup + ",,,\n"
                        + "flag," + freshKey() + ",,maybe,\n"
                        + "," + freshKey() + ",,,\n")
                .post(IMPORT).then();
        problem(refused, 400, "VALIDATION_FAILED")
                .body("errors.field", contains("line 3: key", "line 5: key", "line 6: enabled", "line 7: name"))
                .body("detail", containsString("nothing was imported"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void keysAlreadyStoredAreRefused() throws SQLException {
        String key = freshKey();
        given().contentType("text/csv").body("name,key\nfirst," + key + "\n").post(IMPORT).then().statusCode(201);
        long before = count();
        problem(given().contentType("text/csv").body("name,key\nnew," + freshKey() + "\nsecond," + key + "\n")
                .post(IMPORT).then(), 400, "VALIDATION_FAILED")
                .body("errors.field", contains("line 3: key"))
                .body("errors[0].message", containsString("already exists"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyCsvIsAccepted() {
        problem(given().contentType("application/json").body(Map.of("name", "x")).post(IMPORT).then(),
                415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerCannotImport() throws SQLException {
        long before = count();
        problem(given().contentType("text/csv").body("name,key\nx," + freshKey() + "\n").post(IMPORT).then(),
                403, "FORBIDDEN");
        assertThat(count()).isEqualTo(before);
    }

    private static String freshKey() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private long count() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM api_key")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> hashes() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT key_hash FROM api_key")) {
            List<String> hashes = new ArrayList<>();
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
            return hashes;
        }
    }
}
