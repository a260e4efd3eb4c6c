/**
 * The replay tool: sends recorded attack scenarios (JSON lines, any accepted input shape) to a
 * running server, optionally moved to the present, so policies can be demonstrated and tested end
 * to end.
 */
package io.tocsin.samples.replay;
