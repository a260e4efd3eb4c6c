/** End-to-end tests of the packaged agent against the packaged server. */
package io.tocsin.samples.agent;
