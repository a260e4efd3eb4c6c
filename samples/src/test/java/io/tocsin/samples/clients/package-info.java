/**
 * The CyberPulse and OpenFrame clients of samples/clients, run unchanged (Python and Node) against
 * the packaged server and agent.
 */
package io.tocsin.samples.clients;
