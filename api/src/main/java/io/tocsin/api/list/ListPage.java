package io.tocsin.api.list;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import java.util.List;

/** {@code GET /lists}: one page of the tenant's named lists, by name. */
record ListPage(List<ListView> lists, @JsonUnwrapped PageInfo page) {}
