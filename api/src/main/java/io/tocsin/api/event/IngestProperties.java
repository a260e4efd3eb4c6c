package io.tocsin.api.event;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Ingest settings ({@code tocsin.ingest.*}).
 *
 * @param maxBatchSize most events one {@code POST /events} may carry (400 beyond)
 * @param maxDecompressedSize largest gzip request body after decompression (413 beyond)
 * @param sweepGrace how old an unevaluated event must be before the sweeper re-runs it
 * @param sweepInterval how often the sweeper looks for unevaluated events
 * @param sweepBatch most events one sweep re-evaluates
 * @param retryWindow how long an identical event without id or time of its own counts as a retry
 */
@ConfigurationProperties("tocsin.ingest")
public record IngestProperties(
    @DefaultValue("10000") int maxBatchSize,
    @DefaultValue("64MB") DataSize maxDecompressedSize,
    @DefaultValue("5s") Duration sweepGrace,
    @DefaultValue("30s") Duration sweepInterval,
    @DefaultValue("5000") int sweepBatch,
    @DefaultValue("5m") Duration retryWindow) {}
