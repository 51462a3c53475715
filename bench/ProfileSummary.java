import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a node's time and allocations go, from a JFR recording (bench/profile): CPU samples of the
 * event loops (Java and native), grouped by the code they are in, the top methods by self time, Portico's
 * own methods by inclusive time, and the allocation samples by class and by Portico call site.
 * Samples of threads that wait for work (epoll_wait, park, sleep) are counted apart: they are idle time.
 *
 *   java bench/ProfileSummary.java recording.jfr [rows]
 */
public class ProfileSummary {

    private static final List<String> IDLE = List.of("epollWait", "EPoll.wait", "Thread.sleep", "Unsafe.park",
            "Object.wait", "SelectorImpl.select", "epollBusyWait", "LockSupport.park");
    private static final String[][] GROUPS = {
        {"dev.portico.", "Portico"}, {"io.netty.", "Netty"}, {"io.vertx.", "Vert.x"}, {"io.micrometer.", "Micrometer"},
        {"com.fasterxml.jackson.", "Jackson"}, {"org.jose4j.", "jose4j (JWT)"}, {"com.networknt.", "JSON Schema"},
        {"java.", "JDK"}, {"jdk.", "JDK"}, {"sun.", "JDK"}, {"javax.", "JDK"}};

    private final Map<String, Integer> selfByMethod = new HashMap<>();
    private final Map<String, Integer> selfByGroup = new HashMap<>();
    private final Map<String, Integer> inclusivePortico = new HashMap<>();
    private final Map<String, Integer> byThread = new HashMap<>();
    private final Map<String, Long> allocatedByClass = new HashMap<>();
    private final Map<String, Long> allocatedBySite = new HashMap<>();
    private int busy;
    private int idle;
    private long allocated;

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/ProfileSummary.java recording.jfr [rows]");
            System.exit(2);
        }
        ProfileSummary summary = new ProfileSummary();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            summary.add(event);
        }
        summary.print(args.length > 1 ? Integer.parseInt(args[1]) : 20);
    }

    private void add(RecordedEvent event) {
        String type = event.getEventType().getName();
        RecordedStackTrace stack = event.getStackTrace();
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        if (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample")) {
            addSample(event, stack.getFrames());
        } else if (type.equals("jdk.ObjectAllocationSample")) {
            long weight = event.getLong("weight");
            allocated += weight;
            allocatedByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
            allocatedBySite.merge(firstPorticoFrame(stack.getFrames()), weight, Long::sum);
        }
    }

    private void addSample(RecordedEvent event, List<RecordedFrame> frames) {
        String top = name(frames.get(0));
        if (IDLE.stream().anyMatch(top::contains)) {
            idle++;
            return;
        }
        busy++;
        String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
        byThread.merge(thread == null ? "?" : thread.replaceAll("-\\d+$", "-N"), 1, Integer::sum);
        selfByMethod.merge(top, 1, Integer::sum);
        selfByGroup.merge(group(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        for (RecordedFrame frame : frames) {
            // Hidden lambda classes (0x…) say nothing a reader can find; the lambda's own frame follows.
            if (frame.getMethod().getType().getName().startsWith("dev.portico.") && !name(frame).startsWith("0x")
                    && seen.add(name(frame))) {
                inclusivePortico.merge(name(frame), 1, Integer::sum);
            }
        }
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static String group(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        for (String[] group : GROUPS) {
            if (type.startsWith(group[0])) {
                return group[1];
            }
        }
        return "other (" + type + ")";
    }

    private static String firstPorticoFrame(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            if (frame.getMethod().getType().getName().startsWith("dev.portico.")) {
                return name(frame) + ":" + frame.getLineNumber();
            }
        }
        return "(no Portico frame: " + name(frames.get(0)) + ")";
    }

    private void print(int rows) {
        System.out.printf("CPU samples: %d busy, %d idle (waiting for events); percentages are of the busy ones%n", busy, idle);
        table("Busy samples by thread", byThread, busy, rows);
        table("Self time by code (the sampled top frame's library)", selfByGroup, busy, rows);
        table("Top methods by self time", selfByMethod, busy, rows);
        table("Portico's methods by inclusive time (the method or what it calls)", inclusivePortico, busy, rows);
        System.out.printf("%nAllocation samples: %.1f MiB sampled in all%n", allocated / 1048576.0);
        table("Allocated by class", allocatedByClass, allocated, rows);
        table("Allocated by Portico call site (the innermost Portico frame)", allocatedBySite, allocated, rows);
    }

    /** The top ROWS entries of SHARES, biggest first, each as a percentage of TOTAL. */
    private static void table(String title, Map<String, ? extends Number> shares, double total, int rows) {
        System.out.printf("%n%s%n", title);
        shares.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue().doubleValue(), a.getValue().doubleValue())).limit(rows)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue().doubleValue() / Math.max(1, total),
                        e.getKey()));
    }
}
