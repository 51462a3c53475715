package dev.portico.cp.apikey;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.portico.cp.api.AdminCalls.badFields;
import static dev.portico.cp.api.AdminCalls.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@TestSecurity(user = "alice", roles = "editor")
class ApiKeyResourceIT {

    static final String KEYS = "/admin/v1/api-keys";

    @Inject
    DataSource database;

    @Test
    void createShowsTheValueOnceAndStoresOnlyItsHash() throws SQLException {
        ExtractableResponse<Response> created = given().contentType(ContentType.JSON)
                .body(Map.of("name", "partner", "description", "for the partner"))
                .post(KEYS).then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", matchesPattern("[a-z0-9]{10}"))
                .body("name", equalTo("partner"))
                .body("description", equalTo("for the partner"))
                .body("enabled", equalTo(true))
                .body("value", matchesPattern("pk_[A-Za-z0-9]{32}"))
                .body("$", hasKey("lastUsedAt"))
                .body("lastUsedAt", nullValue())
                .body("revision", equalTo(1))
                .body("createdAt", notNullValue())
                .extract();
        String id = created.path("id");
        String value = created.path("value");
        assertThat(created.header("Location")).endsWith(KEYS + "/" + id);
        assertThat((String) created.path("displayPrefix")).isEqualTo(value.substring(0, 8));

        given().get(KEYS + "/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("$", not(hasKey("value")))
                .body("$", not(hasKey("keyHash")))
                .body("displayPrefix", equalTo(value.substring(0, 8)))
                .body("createdAt", equalTo(created.path("createdAt")));
        List<Map<String, Object>> listed = given().queryParam("limit", 100).get(KEYS).then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(listed).allSatisfy(k -> assertThat(k).doesNotContainKeys("value", "keyHash"));

        Map<String, String> row = row(id);
        assertThat(row.get("key_hash")).isEqualTo(ApiKeyValue.hash(value));
        assertThat(row.get("display_prefix")).isEqualTo(value.substring(0, 8));
        assertThat(row.values()).noneMatch(v -> v != null && v.contains(value));
    }

    @Test
    void aKeyMayStartDisabled() {
        given().contentType(ContentType.JSON).body(Map.of("name", "off", "enabled", false))
                .post(KEYS).then().statusCode(201).body("enabled", equalTo(false));
    }

    @Test
    void patchEnablesDisablesAndRenamesUnderIfMatch() {
        String id = createKey("rename-me");
        given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("enabled", false))
                .patch(KEYS + "/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("enabled", equalTo(false)).body("name", equalTo("rename-me")).body("revision", equalTo(2));
        given().contentType(ContentType.JSON).header("If-Match", "\"2\"").body(Map.of("name", "renamed", "enabled", true))
                .patch(KEYS + "/" + id).then().statusCode(200)
                .body("enabled", equalTo(true)).body("name", equalTo("renamed")).body("$", not(hasKey("value")));

        problem(given().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("enabled", false))
                .patch(KEYS + "/" + id).then(), 412, "STALE_ETAG");
        given().get(KEYS + "/" + id).then().body("enabled", equalTo(true)).body("revision", equalTo(3));
    }

    @Test
    void deleteRemovesTheKey() throws SQLException {
        String id = createKey("short-lived");
        given().delete(KEYS + "/" + id).then().statusCode(204);
        problem(given().get(KEYS + "/" + id).then(), 404, "NOT_FOUND");
        problem(given().delete(KEYS + "/" + id).then(), 404, "NOT_FOUND");
        assertThat(row(id)).isEmpty();
    }

    @Test
    void pagesThroughEveryKeyOnce() {
        List<String> mine = List.of(createKey("page-a"), createKey("page-b"), createKey("page-c"));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get(KEYS).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().containsAll(mine).isSorted();
    }

    @Test
    void badInputsAreNamed() {
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of("description", "no name"))
                .post(KEYS).then())).containsExactly("name");
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of("name", "n".repeat(129)))
                .post(KEYS).then())).containsExactly("name");
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of("name", " ")).post(KEYS).then()))
                .containsExactly("name");
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "x", "value", "pk_mine"))
                .post(KEYS).then(), 400, "UNKNOWN_FIELD").body("errors[0].field", equalTo("value"));
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "x", "enabled", "yes"))
                .post(KEYS).then(), 400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("enabled"));
        problem(given().contentType(ContentType.JSON).body(Map.of("name", 42)).post(KEYS).then(),
                400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("name"));

        String id = createKey("patch-bad");
        assertThat(badFields(given().contentType(ContentType.JSON).body(Map.of("name", ""))
                .patch(KEYS + "/" + id).then())).containsExactly("name");
        problem(given().contentType(ContentType.JSON).body(Map.of("enabled", 1)).patch(KEYS + "/" + id).then(),
                400, "INVALID_FIELD_TYPE").body("errors[0].field", equalTo("enabled"));
        problem(given().get(KEYS + "/nosuchkey0").then(), 404, "NOT_FOUND");
    }

    @Test
    @TestSecurity(user = "vera", roles = "viewer")
    void aViewerReadsButCannotWrite() {
        given().get(KEYS).then().statusCode(200);
        problem(given().contentType(ContentType.JSON).body(Map.of("name", "nope")).post(KEYS).then(), 403, "FORBIDDEN");
        problem(given().contentType(ContentType.JSON).body(Map.of("enabled", false)).patch(KEYS + "/whatever00").then(),
                403, "FORBIDDEN");
        problem(given().delete(KEYS + "/whatever00").then(), 403, "FORBIDDEN");
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void anAdminWrites() {
        createKey("admin-made");
    }

    static String createKey(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .post(KEYS).then().statusCode(201).extract().path("id");
    }

    /** The key's row as text, column by column; empty when there is none. */
    private Map<String, String> row(String id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM api_key WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, String> row = new HashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getString(i));
                    }
                }
                return row;
            }
        }
    }
}
