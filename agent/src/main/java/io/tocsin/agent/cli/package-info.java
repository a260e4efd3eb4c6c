/**
 * The command line ({@code java -jar tocsin-agent.jar [run|status|quarantine list|restore
 * ID|help]}) and the optional loopback status endpoint. The CLI is the only code that prints to
 * stdout.
 */
package io.tocsin.agent.cli;
