package dev.portico.cp.console;

import dev.portico.cp.apikey.ApiKeyView;
import dev.portico.cp.usageplan.UsagePlanView;

import java.util.List;

/** An API key with the usage plans it is subscribed to. */
public record KeyRow(ApiKeyView key, List<UsagePlanView> plans) {
}
