package io.tocsin.api.scan;

/**
 * Counts of a scan's results.
 *
 * @param services listening services reported
 * @param tlsPorts ports probed for TLS
 * @param packages installed packages (the full number, also when the list was truncated)
 * @param findings vulnerabilities found
 */
record ScanSummary(int services, int tlsPorts, long packages, int findings) {}
