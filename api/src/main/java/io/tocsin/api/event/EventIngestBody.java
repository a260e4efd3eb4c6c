package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.media.Schema;
import io.tocsin.api.event.EventInputs.CanonicalEventInput;
import io.tocsin.api.event.EventInputs.EventInputBatch;
import io.tocsin.api.event.EventInputs.InsecEventInput;
import io.tocsin.api.event.EventInputs.OsPulseEventInput;
import io.tocsin.api.event.EventInputs.SecurityEventInput;

/**
 * Documentation only: the body both ingest paths accept, one named schema instead of an inline copy
 * per path. Ingest reads the body raw and recognises each item's shape by its keys.
 */
@Schema(
    name = "EventIngestBody",
    description = "One event or an array of events; each item in any accepted shape",
    oneOf = {
      CanonicalEventInput.class,
      InsecEventInput.class,
      OsPulseEventInput.class,
      SecurityEventInput.class,
      EventInputBatch.class
    })
interface EventIngestBody {}
