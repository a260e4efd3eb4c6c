package io.tocsin.api.scan;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scan as {@code POST /security/scan} (202) and {@code GET /security/scan/{id}} show it.
 *
 * @param scanId scan id, also the id of the agent command running it
 * @param id same as {@code scan_id}
 * @param status {@code queued}, {@code sent}, {@code completed}, {@code failed} or {@code expired}
 * @param target the target as requested
 * @param hostId the host it resolved to
 * @param checks {@code services}, {@code tls}, {@code packages}
 * @param requestedBy user name of who asked
 * @param createdAt when it was asked for
 * @param sentAt when the agent fetched it
 * @param completedAt when it ended
 * @param message the agent's message
 * @param results what the agent reported, empty until it completes
 * @param findings vulnerabilities read from the results
 * @param summary counts of the results
 */
record ScanView(
    String scanId,
    String id,
    String status,
    String target,
    String hostId,
    List<String> checks,
    String requestedBy,
    Instant createdAt,
    Instant sentAt,
    Instant completedAt,
    String message,
    @Schema(
            description =
                "The agent's report as it sent it: checks, services [{port, protocol, family,"
                    + " address, pid, process}], tls [{port, tls, offered, not_offered}],"
                    + " tls_skipped_ports, packages {source, count, truncated, items}, errors")
        Map<String, Object> results,
    List<ScanFinding> findings,
    ScanSummary summary) {}
