/**
 * Versioned policy packs: a manifest (pack id, semantic version, name) and the policy files it
 * ships. The server installs a pack into a tenant and later updates it without losing the tenant's
 * own changes; the manifest's version is what "newer" means.
 */
package io.tocsin.rules.pack;
