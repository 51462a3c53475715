package dev.portico.cp.deployment;

import dev.portico.snapshot.DeploymentContent;
import dev.portico.snapshot.AuthorizationType;
import dev.portico.snapshot.HttpProxyIntegration;
import dev.portico.snapshot.MockIntegration;
import dev.portico.snapshot.Route;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDiffTest {

    private static final Route PETS = new Route("r1", "GET /pets/{id}", "i1", AuthorizationType.NONE, false);
    private static final HttpProxyIntegration BACKEND = new HttpProxyIntegration("i1", "http://a/pets/{id}", "GET", 29_000, null);

    @Test
    void equalContentHasNoChanges() {
        DeploymentContent content = new DeploymentContent(List.of(PETS), List.of(BACKEND));
        assertThat(ContentDiff.between(content, content)).isEmpty();
    }

    @Test
    void aChangedFieldIsTheOnlyOneListed() {
        var changes = ContentDiff.between(new DeploymentContent(List.of(PETS), List.of(BACKEND)),
                new DeploymentContent(List.of(PETS), List.of(new HttpProxyIntegration("i1", "http://b/pets/{id}", "GET", 29_000, null))));
        assertThat(changes).hasSize(1);
        Change change = changes.get(0);
        assertThat(change.kind()).isEqualTo("integration");
        assertThat(change.change()).isEqualTo(Change.Kind.CHANGED);
        assertThat(change.fields()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("uri");
            assertThat(f.from().asText()).isEqualTo("http://a/pets/{id}");
            assertThat(f.to().asText()).isEqualTo("http://b/pets/{id}");
        });
    }

    @Test
    void nestedFieldsAreDotted() {
        var changes = ContentDiff.between(new DeploymentContent(List.of(), List.of(BACKEND)),
                new DeploymentContent(List.of(), List.of(new HttpProxyIntegration("i1", "http://a/pets/{id}", "GET", 29_000,
                        new HttpProxyIntegration.Tls(true)))));
        assertThat(changes.get(0).fields()).extracting(Change.Field::field).containsExactly("tls.insecureSkipVerify");
    }

    @Test
    void addedAndRemovedObjectsCarryAllTheirFields() {
        Route ping = new Route("r2", "GET /ping", "i2", AuthorizationType.NONE, false);
        MockIntegration pong = new MockIntegration("i2", 200, Map.of("Content-Type", "application/json"), "{}");
        var changes = ContentDiff.between(new DeploymentContent(List.of(PETS), List.of(BACKEND)),
                new DeploymentContent(List.of(ping), List.of(pong)));
        assertThat(changes).extracting(Change::kind, Change::key, Change::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("route", "GET /pets/{id}", Change.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("route", "GET /ping", Change.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("integration", "i1", Change.Kind.REMOVED),
                org.assertj.core.groups.Tuple.tuple("integration", "i2", Change.Kind.ADDED));
        assertThat(changes.get(1).fields()).extracting(Change.Field::field)
                .containsExactly("apiKeyRequired", "authorizationType", "integrationId", "routeKey");
        assertThat(changes.get(3).fields()).extracting(Change.Field::field)
                .containsExactly("body", "headers.Content-Type", "statusCode", "type");
        assertThat(changes.get(3).fields().get(0).from().isNull()).isTrue();
    }

    @Test
    void aRenamedRouteIsOneChangeOfItsKey() {
        Route renamed = new Route("r1", "GET /animals/{id}", "i1", AuthorizationType.NONE, false);
        var changes = ContentDiff.between(new DeploymentContent(List.of(PETS), List.of(BACKEND)),
                new DeploymentContent(List.of(renamed), List.of(BACKEND)));
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("GET /animals/{id}");
            assertThat(c.fields()).extracting(Change.Field::field).containsExactly("routeKey");
        });
    }
}
