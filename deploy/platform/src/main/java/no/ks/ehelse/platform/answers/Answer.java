package no.ks.ehelse.platform.answers;

/**
 * An answer {@link KeptAnswers} keeps: immutable once computed, and the same instance for every request until its
 * inputs change. So its JSON is written once per instance ({@code KeptJson}), not per request.
 */
public interface Answer {}
