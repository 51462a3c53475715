package dev.portico.cp.revision;

import dev.portico.cp.auth.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RevisionsIT {

    @Inject
    Revisions revisions;

    @Inject
    RevisionEvents events;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void bumpIncrementsAndTheListenerHearsIt() throws InterruptedException {
        long before = revisions.current();
        long bumped = QuarkusTransaction.requiringNew().call(revisions::bump);

        assertThat(bumped).isGreaterThan(before);
        assertThat(revisions.current()).isGreaterThanOrEqualTo(bumped);
        assertThat(events.awaitHeard(bumped, Duration.ofSeconds(2))).isTrue();
        given().auth().oauth2(Tokens.admin()).get("/admin/v1/revisions/current")
                .then().statusCode(200).body("revision", equalTo((int) revisions.current()));
    }

    @Test
    void aRolledBackChangeBumpsNothingAndTellsNoOne() throws InterruptedException {
        long before = revisions.current();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            revisions.bump();
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(revisions.current()).isEqualTo(before);
        Thread.sleep(200);
        assertThat(events.heard(before + 1)).isFalse();
    }

    @Test
    void theListenerReconnectsWhenItsConnectionBreaks() throws Exception {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement statement = admin.createStatement();
             ResultSet killed = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'portico-revision-listener'")) {
            assertThat(killed.next()).as("the listener's connection").isTrue();
        }
        long bumped = QuarkusTransaction.requiringNew().call(revisions::bump);
        assertThat(events.awaitHeard(bumped, Duration.ofSeconds(3))).isTrue();
    }

    @Test
    void bumpNeedsTheCallersTransaction() {
        assertThatThrownBy(revisions::bump).isInstanceOf(TransactionalException.class);
    }

    @Test
    void twoBumpsInOneTransactionCountTwice() {
        long before = revisions.current();
        long second = QuarkusTransaction.requiringNew().call(() -> {
            revisions.bump();
            return revisions.bump();
        });
        assertThat(second).isEqualTo(before + 2);
    }
}
