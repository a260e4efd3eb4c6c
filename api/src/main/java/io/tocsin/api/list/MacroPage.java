package io.tocsin.api.list;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import java.util.List;

/** {@code GET /macros}: one page of the tenant's macros, by name. */
record MacroPage(List<MacroView> macros, @JsonUnwrapped PageInfo page) {}
