package io.tocsin.api.stream;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the stream log.
 *
 * @param id cluster-wide, monotonic; the resume cursor
 * @param tenantId the only tenant that may see it
 * @param topic what it is about
 * @param type the event name ({@code alert.created}, {@code security_event}, ...)
 * @param ts when it was published
 * @param severity for the severity filter, may be null
 * @param policyId for the policy filter, may be null
 * @param hostId for the host filter, may be null
 * @param data the payload clients receive
 */
public record StreamMessage(
    long id,
    String tenantId,
    StreamTopic topic,
    String type,
    Instant ts,
    String severity,
    String policyId,
    String hostId,
    Map<String, Object> data) {}
