/**
 * The {@code security_scan} command: the agent looks at its own host only — its listening sockets,
 * the TLS versions those offer when reached on loopback, and its installed packages — and reports
 * them as the command's result details. Read-only, so it runs without {@code allow_response}; every
 * part is bounded in count and time so a scan never stalls the agent.
 */
package io.tocsin.agent.respond.scan;
