/**
 * The HTTP security filter chain: composes every way in (sessions, OAuth bearer tokens, agent API
 * keys, the UI's headers) into one chain. It sits above the features whose authentication pieces it
 * wires, so it has a package of its own: kept in {@code config}, it made {@code config}'s
 * properties (which every feature reads) depend on every feature.
 */
package io.tocsin.api.websecurity;
