package dev.portico.cp.console;

import dev.portico.cp.usage.PlanUsageView;
import io.quarkus.qute.RawString;

import java.util.List;

/**
 * A plan's usage per key and day as a chart (one line per key) with its text alternative: each
 * key's requests over the range, which a screen reader or a test reads without the picture.
 */
public record PlanUsageChart(RawString svg, List<KeyTotal> totals, boolean empty) {

    /** Line colours in the stylesheet: {@code .series-0} to {@code .series-5}, then again. */
    static final int COLOURS = 6;

    /** One key's requests over the whole range. */
    public record KeyTotal(String keyId, String keyName, long used) {
    }

    static PlanUsageChart of(PlanUsageView usage) {
        List<PlanUsageView.KeyUsage> keys = usage.items();
        List<SvgChart.Series> series = new java.util.ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            PlanUsageView.KeyUsage key = keys.get(i);
            series.add(new SvgChart.Series(key.keyName(), "series-" + (i % COLOURS),
                    key.days().stream().map(PlanUsageView.DayUsage::used).toList()));
        }
        SvgChart chart = new SvgChart("Requests per key and day, " + usage.startDate() + " to " + usage.endDate(),
                "req", usage.startDate().toString(), usage.endDate().toString(), series);
        List<KeyTotal> totals = keys.stream().map(k -> new KeyTotal(k.keyId(), k.keyName(),
                k.days().stream().mapToLong(PlanUsageView.DayUsage::used).sum())).toList();
        return new PlanUsageChart(new RawString(chart.render()), totals, keys.isEmpty());
    }
}
