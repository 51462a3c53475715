package dev.portico.cp.usage;

import dev.portico.snapshot.fleet.UsageReport;
import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Admin-API calls that make keys and plans for the usage tests (every test makes its own). */
public final class KeyAndPlanCalls {

    public static final String KEYS = "/admin/v1/api-keys";
    public static final String PLANS = "/admin/v1/usage-plans";

    private KeyAndPlanCalls() {
    }

    public static String key(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name)).post(KEYS).then().statusCode(201)
                .extract().path("id");
    }

    /** A plan without API stages (so one key may hold several) with this quota, or none when null. */
    public static String plan(String name, Map<String, Object> quota) {
        Map<String, Object> body = quota == null ? Map.of("name", name) : Map.of("name", name, "quota", quota);
        return given().contentType(ContentType.JSON).body(body).post(PLANS).then().statusCode(201).extract().path("id");
    }

    public static void subscribe(String planId, String keyId) {
        given().contentType(ContentType.JSON).body(Map.of("keyId", keyId)).post(PLANS + "/" + planId + "/keys").then()
                .statusCode(201);
    }

    public static UsageReport.UsageCount count(String keyId, String planId, LocalDate day, long count) {
        return new UsageReport.UsageCount(keyId, planId, day.toString(), count);
    }
}
