package dev.portico.cp.apikey;

import java.util.List;

/** The answer to a CSV import: how many keys it made, and those keys (without their values). */
public record ApiKeyImport(int imported, List<ApiKeyView> items) {
}
