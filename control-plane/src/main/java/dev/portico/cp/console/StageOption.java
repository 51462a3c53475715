package dev.portico.cp.console;

/** One API stage a usage plan may cover, as a choice: {@code value} "apiId/stage". */
public record StageOption(String value, String label) {
}
