package io.tocsin.api.event;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import java.util.List;

/**
 * {@code GET /events}: one page, newest first.
 *
 * @param events the page
 * @param page paging; {@code next_cursor} continues strictly after the last event shown
 */
record EventPage(List<EventView> events, @JsonUnwrapped PageInfo page) {}
