package dev.portico.cp.console;

import dev.portico.cp.traffic.TrafficMinute;
import dev.portico.cp.traffic.TrafficView;
import io.quarkus.qute.RawString;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboard's three charts over the fleet's last hour, one point per minute: requests, client
 * and server errors, latency (p50 and p99; a minute without requests is a gap). With the totals
 * their text alternative states.
 */
public record TrafficCharts(RawString requests, RawString errors, RawString latency, long totalRequests,
                            long totalClientErrors, long totalServerErrors) {

    static final int MINUTES = 60;
    /** The dashboard shows three charts side by side (or one per line on a phone): about 320 px each. */
    private static final int CHART_WIDTH = 320;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    static TrafficCharts of(TrafficView traffic) {
        List<TrafficMinute> minutes = traffic.minutes();
        String first = CLOCK.format(traffic.from());
        String last = CLOCK.format(traffic.to());
        SvgChart requests = new SvgChart("Requests per minute, last hour", "req", first, last,
                List.of(series("requests", "series-0", minutes, TrafficMinute::requests)), CHART_WIDTH);
        SvgChart errors = new SvgChart("Errors per minute, last hour", "req", first, last,
                List.of(series("4xx", "series-warn", minutes, TrafficMinute::clientErrors),
                        series("5xx", "series-bad", minutes, TrafficMinute::serverErrors)), CHART_WIDTH);
        SvgChart latency = new SvgChart("Latency, last hour", "ms", first, last,
                List.of(series("p50", "series-0", minutes, TrafficMinute::p50Millis),
                        series("p99", "series-1", minutes, TrafficMinute::p99Millis)), CHART_WIDTH);
        return new TrafficCharts(new RawString(requests.render()), new RawString(errors.render()),
                new RawString(latency.render()), sum(minutes, TrafficMinute::requests),
                sum(minutes, TrafficMinute::clientErrors), sum(minutes, TrafficMinute::serverErrors));
    }

    private static SvgChart.Series series(String name, String cssClass, List<TrafficMinute> minutes,
                                          Function<TrafficMinute, Long> value) {
        return new SvgChart.Series(name, cssClass, minutes.stream().map(value).toList());
    }

    private static long sum(List<TrafficMinute> minutes, Function<TrafficMinute, Long> value) {
        return minutes.stream().map(value).mapToLong(Long::longValue).sum();
    }
}
