package io.tocsin.engine.compile;

import io.tocsin.model.Event;
import java.util.function.Predicate;

/**
 * One constraint of a branch, evaluated with the interpreter's predicate.
 *
 * @param id the Drools constraint id: equal ids mean equal semantics, so nodes are shared
 * @param cost relative evaluation cost; cheaper checks run first
 */
record Check(String id, Predicate<Event> test, int cost) {}
