/**
 * Wire types shared by the server and the agent: the canonical {@link io.tocsin.model.Event} and
 * the {@link io.tocsin.model.FieldCatalog} of its typed fields. Plain Java so that the agent stays
 * free of ANTLR, Drools and Spring.
 */
package io.tocsin.model;
