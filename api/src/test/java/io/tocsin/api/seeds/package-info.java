/**
 * One test per seed document: its example requests sent as printed (bodies under {@code
 * src/test/resources/seeds/}) and the documented response fields checked.
 */
package io.tocsin.api.seeds;
