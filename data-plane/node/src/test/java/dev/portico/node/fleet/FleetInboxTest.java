package dev.portico.node.fleet;

import dev.portico.node.testing.Snapshots;
import dev.portico.snapshot.SnapshotCodec;
import dev.portico.snapshot.fleet.Heartbeat;
import dev.portico.snapshot.fleet.Rejected;
import dev.portico.snapshot.fleet.SnapshotPush;
import dev.portico.snapshot.fleet.UsageTotals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FleetInboxTest {

    @Test
    void aPushIsApplied() {
        String frame = SnapshotCodec.write(new SnapshotPush(Snapshots.snapshot(3)));

        assertThat(FleetInbox.read(frame)).isInstanceOfSatisfying(FleetInbox.Action.Apply.class,
                apply -> assertThat(apply.snapshot().revision()).isEqualTo(3));
    }

    @Test
    void usageTotalsGoToTheLedger() {
        UsageTotals totals = new UsageTotals("boot", 4, java.util.List.of(new UsageTotals.UsageTotal("k", "p", "2026-03-09", 3)));

        assertThat(FleetInbox.read(SnapshotCodec.write(totals))).isEqualTo(new FleetInbox.Action.Totals(totals));
        assertThat(FleetInbox.read("{\"type\":\"usageTotals\",\"bootId\":null,\"includedSeq\":0,\"totals\":[]}"))
                .isEqualTo(new FleetInbox.Action.Totals(new UsageTotals(null, 0, java.util.List.of())));
    }

    @Test
    void anUnknownSchemaMajorIsRejectedByRevisionEvenWhenTheShapeChanged() {
        String frame = "{\"type\":\"snapshot\",\"snapshot\":{\"schemaVersion\":\"2.0\",\"revision\":9,\"apis\":{\"new\":\"shape\"}}}";

        FleetInbox.Action action = FleetInbox.read(frame);

        assertThat(action).isInstanceOfSatisfying(FleetInbox.Action.Reply.class, reply ->
                assertThat(reply.message()).isInstanceOfSatisfying(Rejected.class, rejected -> {
                    assertThat(rejected.revision()).isEqualTo(9);
                    assertThat(rejected.problems()).singleElement().asString()
                            .contains("unsupported snapshot schema version \"2.0\"");
                }));
    }

    @Test
    void aKnownMajorThatDoesNotParseIsRejectedWithTheParseProblem() {
        String frame = "{\"type\":\"snapshot\",\"snapshot\":{\"schemaVersion\":\"1.0\",\"revision\":4,\"apis\":\"oops\"}}";

        assertThat(FleetInbox.read(frame)).isInstanceOfSatisfying(FleetInbox.Action.Reply.class, reply ->
                assertThat(((Rejected) reply.message()).revision()).isEqualTo(4));
    }

    @Test
    void nonsenseAndUnexpectedMessagesAreIgnored() {
        assertThat(FleetInbox.read("not json")).isInstanceOf(FleetInbox.Action.Ignore.class);
        assertThat(FleetInbox.read("{\"type\":\"delta\"}")).isInstanceOf(FleetInbox.Action.Ignore.class);
        assertThat(FleetInbox.read(SnapshotCodec.write(new Heartbeat(1, 2)))).isInstanceOf(FleetInbox.Action.Ignore.class);
    }
}
