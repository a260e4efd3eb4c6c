package io.tocsin.engine.compile;

/**
 * A pre-filter hit: the event's text contains a literal that branch {@code branch} requires. Rules
 * reached through the pre-filter match on hits, hashed by branch, instead of scanning every event.
 */
public record Hit(int branch, Fact fact) {}
