package io.tocsin.engine.compile;

/**
 * A literal the field's text must contain (case-folded) for the branch to possibly match.
 *
 * @param literal lower-case ASCII, at least {@link Planner#MIN_LITERAL} characters
 */
record SubstringKey(String field, String literal) {}
