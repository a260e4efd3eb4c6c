/**
 * The policy format shared by the API, the rules pack and the CLI: one reader ({@link
 * io.tocsin.engine.format.PolicyDocument}) with one strictness (unknown members are errors with
 * their path), the canonical writer, and the published JSON Schema ({@link
 * io.tocsin.engine.format.PolicySchema}). Problems are {@link
 * io.tocsin.engine.policy.LoadDiagnostic}s, the same record the loader reports. It lives in the
 * engine because it produces the engine's policy model and every user of it already depends on the
 * engine; a separate module would add a POM and nothing else.
 */
package io.tocsin.engine.format;
