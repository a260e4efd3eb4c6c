/**
 * Tenants: the unit of isolation. Every stored document of every feature carries a tenant id; the
 * platform admin (an admin of {@code default}) creates tenants and may act in any of them.
 */
package io.tocsin.api.tenant;
