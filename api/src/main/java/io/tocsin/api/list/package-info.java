/**
 * Tenant named lists ({@code allowed_domains}) and macros (named reusable conditions) used by the
 * condition language in policies and searches. Every change is validated against the tenant's
 * policies and other macros before it is stored, and reloads the tenant's engine, so dependent
 * policies are re-evaluated; deleting a list or macro that something uses is refused. Both kinds go
 * through one read, write and delete path ({@link io.tocsin.api.list.DefinitionChanges}, by {@link
 * io.tocsin.api.list.DefinitionKind}); their services check only the value.
 */
package io.tocsin.api.list;
