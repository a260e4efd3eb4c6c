/**
 * CyberPulse host scans ({@code POST /security/scan}, {@code GET /security/scan/{id}}): a scan is a
 * {@code security_scan} command for the target host's own agent, which looks only at its loopback
 * (listening services, the TLS versions they offer, installed packages). The agent's result becomes
 * the scan's results and findings; findings feed the dashboard's {@code open_vulnerabilities}.
 */
package io.tocsin.api.scan;
