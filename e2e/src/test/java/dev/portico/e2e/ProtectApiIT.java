package dev.portico.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance steps 2–5 of issue 3 against the packaged control plane, two real node processes and a
 * real backend: API keys, throttling, a fleet-wide quota and its usage report, and a disabled key
 * reaching every node without a deployment. Prints the measured overrun and propagation times.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProtectApiIT {

    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(1);
    private static final String PETS = "/prod/pets/7";

    private ControlPlane cp;
    private List<Node> nodes;
    private Backend backend;
    private AdminClient admin;
    private PetsApi pets;
    private String freePlan;
    private String keyA;
    private String keyB;
    private String keyBId;

    @BeforeAll
    void start() {
        cp = ControlPlane.start("protect-cp");
        nodes = List.of(Node.start("protect-node-1", cp), Node.start("protect-node-2", cp));
        backend = Backend.start("pets");
        admin = cp.admin();
        pets = PetsApi.create(admin, "pets", backend.url());
        admin.patch(pets.path() + "/routes/" + pets.petsRouteId(), Map.of("apiKeyRequired", true), null).expect(200);
        pets.deploy(admin, "prod", "keyed pets");
        pets.deploy(admin, "dev", "keyed pets, dev");
    }

    @AfterAll
    void stop() {
        nodes.forEach(Node::close);
        cp.close();
        backend.close();
    }

    @Test
    @Order(1)
    void onlyAKeyInAPlanForThisStageGetsThrough() {
        freePlan = plan("free", Map.of("rateLimit", 5, "burstLimit", 5), Map.of("limit", 100, "period", "DAY"), "prod");
        String proPlan = plan("pro", Map.of("rateLimit", 1000, "burstLimit", 1000),
                Map.of("limit", 1_000_000, "period", "MONTH"), "prod");
        String devPlan = plan("dev", Map.of("rateLimit", 100, "burstLimit", 100), null, "dev");
        keyA = key("A", freePlan, true).get("value").asText();
        JsonNode b = key("B", proPlan, true);
        keyB = b.get("value").asText();
        keyBId = b.get("id").asText();
        String disabled = key("disabled", proPlan, false).get("value").asText();
        String devOnly = key("dev only", devPlan, true).get("value").asText();

        long propagation = Waits.until(PROPAGATION_LIMIT.multipliedBy(5), "key A accepted by both nodes",
                () -> nodes.stream().allMatch(n -> n.get(pets.id(), PETS, Map.of("x-api-key", keyA)).statusCode() == 200));
        System.out.printf("PROPAGATION (keys and plans created -> both nodes accept key A): %d ms%n", propagation);

        for (Node node : nodes) {
            assertForbidden(node.get(pets.id(), PETS));
            assertForbidden(node.get(pets.id(), PETS, Map.of("x-api-key", "pk_nobodyhasthiskeynobodyhasthiskey")));
            assertForbidden(node.get(pets.id(), PETS, Map.of("x-api-key", disabled)));
            assertForbidden(node.get(pets.id(), PETS, Map.of("x-api-key", devOnly)));
            assertThat(node.get(pets.id(), "/dev/pets/7", Map.of("x-api-key", devOnly)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> ok = nodes.get(0).get(pets.id(), PETS, Map.of("x-api-key", keyB));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(Json.parse(ok.body()).get("backend").asText()).isEqualTo("pets");
        assertThat(ok.headers().firstValue("RateLimit-Limit")).contains("1000000");
        for (String reason : List.of("missing", "unknown", "disabled", "no_plan")) {
            assertThat(metric(nodes.get(0), "portico_requests_rejected_total{", "reason=\"" + reason + "\"")).as(reason).isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aBurstIsThrottledAndAnotherKeyIsNot() {
        Waits.sleep(1_100); // key A's bucket full again after step 1
        Node node = nodes.get(0);
        CompletableFuture<List<HttpResponse<String>>> keyBMeanwhile = CompletableFuture.supplyAsync(
                () -> Load.run(20, 4, i -> node.get(pets.id(), PETS, Map.of("x-api-key", keyB))));
        List<HttpResponse<String>> burst = Load.run(50, 50, i -> node.get(pets.id(), PETS, Map.of("x-api-key", keyA)));

        long passed = Load.count(burst, 200, null);
        long throttled = Load.count(burst, 429, "Too Many Requests");
        System.out.printf("THROTTLE (5 req/s, burst 5; 50 requests at once): %d passed, %d got 429%n", passed, throttled);
        assertThat(passed).isBetween(5L, 8L);
        assertThat(passed + throttled).isEqualTo(50);
        assertThat(burst).filteredOn(r -> r.statusCode() == 429)
                .allSatisfy(r -> assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(
                        v -> assertThat(Integer.parseInt(v)).isPositive()));
        assertThat(keyBMeanwhile.join()).allMatch(r -> r.statusCode() == 200);

        Waits.sleep(1_000);
        assertThat(node.get(pets.id(), PETS, Map.of("x-api-key", keyA)).statusCode()).isEqualTo(200);
        assertThat(metric(node, "portico_requests_throttled_total{", "reason=\"plan\"")).isEqualTo(throttled);
    }

    @Test
    @Order(3)
    void aQuotaHoldsAcrossTwoNodesAndTheUsageReportAgrees() {
        admin.patch("/admin/v1/usage-plans/" + freePlan, Map.of(
                "throttle", Map.of("rateLimit", 100_000, "burstLimit", 100_000),
                "quota", Map.of("limit", 1000, "period", "DAY")), null).expect(200);
        // a key of its own, so that the count starts at zero (key A used some of its quota above)
        JsonNode quotaKey = key("quota", freePlan, true);
        String value = quotaKey.get("value").asText();
        untilEveryNodeApplied(currentRevision());
        int seenBefore = backend.seen().size();

        List<HttpResponse<String>> responses = Load.run(2000, 32,
                i -> nodes.get(i % 2).get(pets.id(), PETS, Map.of("x-api-key", value)));

        long passed = Load.count(responses, 200, null);
        long limited = Load.count(responses, 429, "Limit Exceeded");
        double overrun = 100.0 * (passed - 1000) / 1000;
        System.out.printf("QUOTA (1000/day, 2000 requests over 2 nodes): %d passed, %d got 429 Limit Exceeded, overrun %.1f %%%n",
                passed, limited, overrun);
        assertThat(passed + limited).isEqualTo(2000);
        assertThat(passed).isBetween(1000L, 1050L);
        assertThat(backend.seen().size() - seenBefore).as("refused requests never reach the backend").isEqualTo((int) passed);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String keyId = quotaKey.get("id").asText();
        Waits.until(Duration.ofSeconds(5), "the usage report counts every admitted request", () -> {
            JsonNode day = usageOf(freePlan, keyId, today);
            return day.get("used").asLong() == passed;
        });
        assertThat(usageOf(freePlan, keyId, today).get("remaining").asLong()).isZero();
        assertThat(admin.get("/admin/v1/api-keys/" + keyId).expect(200).json().get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    @Order(4)
    void aDisabledKeyIsRefusedByEveryNodeWithoutADeployment() {
        int deployments = admin.get(pets.path() + "/deployments").expect(200).json().get("items").size();
        JsonNode key = admin.get("/admin/v1/api-keys/" + keyBId).expect(200).json();
        admin.patch("/admin/v1/api-keys/" + keyBId, Map.of("enabled", false), "\"" + key.get("revision").asLong() + "\"")
                .expect(200);
        long propagation = Waits.until(PROPAGATION_LIMIT.multipliedBy(5), "both nodes refuse key B",
                () -> nodes.stream().allMatch(n -> n.get(pets.id(), PETS, Map.of("x-api-key", keyB)).statusCode() == 403));
        System.out.printf("PROPAGATION (key B disabled -> both nodes answer 403): %d ms%n", propagation);
        assertThat(propagation).isLessThan(PROPAGATION_LIMIT.toMillis());
        assertThat(admin.get(pets.path() + "/deployments").expect(200).json().get("items").size()).isEqualTo(deployments);
    }

    @Test
    @Order(5)
    void usageCountedWhileTheControlPlaneIsAwaySurvivesItsRestart() {
        JsonNode key = key("offline", freePlan, true);
        String value = key.get("value").asText();
        String keyId = key.get("id").asText();
        untilEveryNodeApplied(currentRevision());
        assertThat(nodes.get(0).get(pets.id(), PETS, Map.of("x-api-key", value)).statusCode()).isEqualTo(200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Waits.until(Duration.ofSeconds(5), "the first request reported", () -> usageOf(freePlan, keyId, today).get("used").asLong() == 1);

        cp.stop();
        for (int i = 0; i < 10; i++) {
            assertThat(nodes.get(0).get(pets.id(), PETS, Map.of("x-api-key", value)).statusCode()).isEqualTo(200);
        }
        cp.restart("protect-cp-again");
        admin = cp.admin();

        Waits.until(Duration.ofSeconds(30), "usage from before and during the outage",
                () -> usageOf(freePlan, keyId, today).get("used").asLong() == 11);
    }

    @Test
    @Order(6)
    void badPlansAndKeysAreRefusedNamingEachFieldAndSaveNothing() {
        int plansBefore = admin.get("/admin/v1/usage-plans?limit=100").expect(200).json().get("items").size();
        int keysBefore = admin.get("/admin/v1/api-keys?limit=100").expect(200).json().get("items").size();

        JsonNode bad = admin.post("/admin/v1/usage-plans", Map.of("name", "bad",
                "throttle", Map.of("rateLimit", -1, "burstLimit", 0),
                "quota", Map.of("limit", 0, "period", "YEAR"),
                "apiStages", List.of(Map.of("apiId", pets.id(), "stage", "qa")))).expect(400).json();
        assertProblemNames(bad, "throttle.rateLimit", "throttle.burstLimit", "quota.limit", "quota.period", "apiStages[0].stage");
        JsonNode zeroQuota = admin.post("/admin/v1/usage-plans", Map.of("name", "zero",
                "quota", Map.of("limit", 0, "period", "DAY"))).expect(400).json();
        assertProblemNames(zeroQuota, "quota.limit");

        String csv = "name,key,description,enabled,usageplanIds\n"
                + "short,pk_short,,true,\n"
                + "orphan,pk_0123456789abcdefghijklmnop,,true,nosuchplan\n";
        JsonNode badCsv = admin.postCsv("/admin/v1/api-keys/import", csv).expect(400).json();
        assertThat(Json.stream(badCsv.get("errors")).map(e -> e.get("field").asText())).contains("line 2: key", "line 3: usageplanIds");

        JsonNode badStage = admin.patch(pets.path() + "/stages/prod", Map.of(
                "throttle", Map.of("rateLimit", -5, "burstLimit", 0)), null).expect(400).json();
        assertProblemNames(badStage, "throttle.rateLimit", "throttle.burstLimit");

        assertThat(admin.get("/admin/v1/usage-plans?limit=100").expect(200).json().get("items").size()).isEqualTo(plansBefore);
        assertThat(admin.get("/admin/v1/api-keys?limit=100").expect(200).json().get("items").size()).isEqualTo(keysBefore);
    }

    /** The value of the one series of {@code name} whose labels contain {@code label}. */
    private static long metric(Node node, String name, String label) {
        return node.metrics().lines().filter(l -> l.startsWith(name) && l.contains(label))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .reduce((a, b) -> {
                    throw new AssertionError("more than one series " + name + " with " + label);
                }).orElseThrow(() -> new AssertionError("no series " + name + " with " + label));
    }

    private static void assertProblemNames(JsonNode problem, String... fields) {
        assertThat(problem.get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(Json.stream(problem.get("errors")).map(e -> e.get("field").asText())).contains(fields);
    }

    private long currentRevision() {
        return admin.get("/admin/v1/revisions/current").expect(200).json().get("revision").asLong();
    }

    private void untilEveryNodeApplied(long revision) {
        Waits.until(PROPAGATION_LIMIT.multipliedBy(5), "both nodes at revision " + revision, () -> {
            JsonNode items = admin.get("/admin/v1/nodes").expect(200).json().get("items");
            return Json.stream(items).filter(n -> n.get("id").asText().startsWith("protect-node-"))
                    .filter(n -> n.get("appliedRevision").asLong() >= revision).count() == 2;
        });
    }

    private JsonNode usageOf(String planId, String keyId, String day) {
        JsonNode usage = admin.get("/admin/v1/usage-plans/" + planId + "/usage?startDate=" + day + "&endDate=" + day
                + "&keyId=" + keyId).expect(200).json();
        return usage.get("items").get(0).get("days").get(0);
    }

    private String plan(String name, Map<String, Object> throttle, Map<String, Object> quota, String stage) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "throttle", throttle,
                "apiStages", List.of(Map.of("apiId", pets.id(), "stage", stage))));
        if (quota != null) {
            body.put("quota", quota);
        }
        return admin.post("/admin/v1/usage-plans", body).expect(201).json().get("id").asText();
    }

    private JsonNode key(String name, String planId, boolean enabled) {
        JsonNode key = admin.post("/admin/v1/api-keys", Map.of("name", name, "enabled", enabled)).expect(201).json();
        admin.post("/admin/v1/usage-plans/" + planId + "/keys", Map.of("keyId", key.get("id").asText())).expect(201);
        return key;
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(Json.parse(response.body()).get("message").asText()).isEqualTo("Forbidden");
    }
}
