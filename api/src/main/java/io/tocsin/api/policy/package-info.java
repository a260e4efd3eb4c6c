/**
 * Policies over the API: CRUD in the seed shape extended by DESIGN §5, validation of every write
 * together with the tenant's other policies, lists and macros (never half-applied), version
 * history, enable/disable, a side-effect-free validate endpoint for CI, backtests over stored
 * events with a throwaway engine, the built-in pack seeded once into tenant {@code default}, and
 * Sigma import ({@code POST /policies/import/sigma}: YAML or a zip, converted by the rules module).
 *
 * <p>The database stores each policy's source (canonical JSON), never compiled output; the tenant's
 * engine is rebuilt from the sources on every change.
 */
package io.tocsin.api.policy;
