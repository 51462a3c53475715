package dev.portico.cp.console;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartTest {

    @Test
    void drawsEachSeriesScaledToTheLargestValue() {
        SvgChart chart = new SvgChart("Requests per minute", "req", "22:00", "22:02", List.of(
                new SvgChart.Series("all", "requests", List.of(0L, 50L, 100L)),
                new SvgChart.Series("5xx", "errors", List.of(0L, 0L, 10L))));

        String svg = chart.render();

        assertThat(svg).startsWith("<svg").endsWith("</svg>")
                .contains("role=\"img\"", "aria-label=\"Requests per minute\"", "<title>Requests per minute</title>")
                .contains("100 req", "22:00", "22:02")
                // all: x from 48 to 600, y from 140 (0) to 8 (the maximum)
                .contains("points=\"48.0,140.0 324.0,74.0 600.0,8.0 \"")
                .contains("points=\"48.0,140.0 324.0,140.0 600.0,126.8 \"");
    }

    @Test
    void leavesGapsForMissingValuesAndEscapesText() {
        SvgChart chart = new SvgChart("p99 <latency> & more", "ms", "a", "b", List.of(
                new SvgChart.Series("p99", "latency", Arrays.asList(null, 250L))));

        String svg = chart.render();

        assertThat(svg).contains("p99 &lt;latency&gt; &amp; more").doesNotContain("<latency>")
                .contains("points=\"600.0,8.0 \"")
                // alone between gaps: drawn as a dot as well
                .contains("<circle class=\"latency\" cx=\"600.0\" cy=\"8.0\" r=\"3\"/>");
    }

    @Test
    void anEmptyChartStillHasAScale() {
        String svg = new SvgChart("idle", "req", "a", "b", List.of(
                new SvgChart.Series("all", "requests", List.of(0L, 0L)))).render();

        assertThat(svg).contains("1 req").contains("points=\"48.0,140.0 600.0,140.0 \"").doesNotContain("<circle");
    }

    @Test
    void aNarrowChartKeepsItsTextSizeByDrawingOnFewerUnits() {
        String svg = new SvgChart("narrow", "req", "a", "b", List.of(
                new SvgChart.Series("all", "requests", List.of(0L, 4L))), 320).render();

        assertThat(svg).contains("viewBox=\"0 0 320 160\"").contains("points=\"48.0,140.0 320.0,8.0 \"");
    }
}
