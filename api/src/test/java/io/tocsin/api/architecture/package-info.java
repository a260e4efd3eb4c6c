/**
 * Architecture rules (ArchUnit), run by the normal build: the module stack and which libraries each
 * layer may touch ({@link io.tocsin.api.architecture.ModuleLayeringTest}), the server's packages
 * free of cycles ({@link io.tocsin.api.architecture.ApiPackageCyclesTest}) and its inner layering
 * ({@link io.tocsin.api.architecture.ServerLayeringTest}). See README "Architecture rules".
 */
package io.tocsin.api.architecture;
