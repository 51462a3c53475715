package dev.portico.cp.console;

import dev.portico.cp.api.ApiView;

import java.util.List;

/** An API on the dashboard: its stages and which of them have undeployed changes. */
public record ApiOverview(ApiView api, List<StageRow> stages) {
}
