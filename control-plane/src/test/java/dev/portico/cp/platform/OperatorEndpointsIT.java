package dev.portico.cp.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

/** What operators and tools reach without a token. */
@QuarkusTest
class OperatorEndpointsIT {

    @Test
    void theOpenApiDocumentDescribesTheAdminApiAndItsBearerScheme() {
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Portico admin API"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("paths.size()", greaterThan(3));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void healthIncludesTheDatabaseAndTheBootstrap() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem("portico-platform"));
    }

    @Test
    void metricsAreInPrometheusFormat() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("portico_fleet_connected_nodes"));
    }

    @Test
    void theConsoleIsServedAtTheRoot() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("Portico"));
    }
}
