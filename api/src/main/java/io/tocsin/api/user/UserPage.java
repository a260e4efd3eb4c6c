package io.tocsin.api.user;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tocsin.api.web.PageInfo;
import java.util.List;

/**
 * Response of {@code GET /users}: a page of the tenant's users, oldest first.
 *
 * @param users the users of this page
 * @param page paging fields
 */
public record UserPage(List<UserView> users, @JsonUnwrapped PageInfo page) {}
