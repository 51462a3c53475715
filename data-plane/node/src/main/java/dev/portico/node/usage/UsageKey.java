package dev.portico.node.usage;

/** What usage is counted for: a key under a plan (each key has its own quota in each of its plans). */
public record UsageKey(String keyId, String planId) {
}
