package dev.portico.cp.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Wrong passwords in a row slow the next login, on the admin API and in the console alike. */
@QuarkusTest
class LoginThrottleIT {

    @Inject
    UserAccounts users;

    @Test
    void manyWrongPasswordsMakeTheNextLoginWaitEvenWithTheRightOne() throws Exception {
        String name = "guessed-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(name, "right-password-1", Roles.VIEWER));

        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            login(name, "wrong-" + i).then().statusCode(401);
        }
        String retryAfter = login(name, "right-password-1").then().statusCode(429)
                .body("code", equalTo("LOGIN_THROTTLED")).extract().header("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 2L);

        Thread.sleep(Long.parseLong(retryAfter) * 1_000 + 100);
        login(name, "right-password-1").then().statusCode(200);
        // a success starts the count again: one more wrong password is a plain 401
        login(name, "wrong-again").then().statusCode(401);
    }

    @Test
    void theConsoleSaysHowLongToWait() {
        String name = "console-guessed-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            consoleLogin(name, "wrong-" + i).then().statusCode(401);
        }
        consoleLogin(name, "whatever").then().statusCode(429)
                .header("Retry-After", equalTo("1"))
                .body(containsString("Too many wrong passwords in a row. Try again in 1 s."));
    }

    private static Response login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .post("/admin/v1/auth/token");
    }

    private static Response consoleLogin(String username, String password) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("username", username).formParam("password", password).post("/console/login");
    }
}
