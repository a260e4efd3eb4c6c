/**
 * Unresolved AST to resolved AST. {@link io.tocsin.dsl.analysis.Analyzer} expands macros (with
 * cycle detection), resolves fields against the {@link io.tocsin.model.FieldCatalog} and named
 * lists against the tenant's {@link io.tocsin.dsl.ConditionContext}, checks function calls against
 * their descriptors, rewrites the search shorthand and types every literal to its field ({@link
 * io.tocsin.dsl.analysis.ComparisonChecker}, {@link io.tocsin.dsl.analysis.LiteralTyper}). It
 * collects every problem and skips problems that follow from one already reported.
 */
package io.tocsin.dsl.analysis;
