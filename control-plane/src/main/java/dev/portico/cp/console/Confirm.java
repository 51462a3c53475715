package dev.portico.cp.console;

/** "Are you sure?" before a destructive action: what will happen, where the form posts, the way back. */
public record Confirm(String title, String message, String action, String button, String cancel) {
}
