/**
 * Policy files as detection engineers write them (YAML or JSON, one policy per file): parsed with
 * the position of every node, checked for shape and by the engine's loader, with every problem
 * reported as {@code file:line:col}. Used by the built-in pack and by the {@code tocsin} CLI.
 */
package io.tocsin.rules.source;
