package io.tocsin.api.user;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.tenant.TenantService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start on an empty database: tenant {@code default} and user {@code admin}. Runs before the
 * web server accepts requests.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

  static final String ADMIN = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final TenantService tenants;
  private final UserRepository users;
  private final UserService userService;
  private final TocsinProperties properties;

  AdminBootstrap(
      TenantService tenants,
      UserRepository users,
      UserService userService,
      TocsinProperties properties) {
    this.tenants = tenants;
    this.users = users;
    this.userService = userService;
    this.properties = properties;
  }

  @Override
  public void afterSingletonsInstantiated() {
    tenants.ensureDefault();
    if (users.count() > 0) {
      return;
    }
    boolean generated = !StringUtils.hasText(properties.adminPassword());
    String password = generated ? Secrets.random("").substring(0, 24) : properties.adminPassword();
    userService.create(
        CurrentPrincipal.PLATFORM_TENANT,
        new CreateUserRequest("admin@tocsin.local", ADMIN, password, "Administrator", Role.ADMIN),
        Role.ADMIN);
    if (generated) {
      log.warn(
          "Created user 'admin' with generated password: {} (shown once; set TOCSIN_ADMIN_PASSWORD"
              + " to choose it)",
          password);
    } else {
      log.info("Created user 'admin' with the password from TOCSIN_ADMIN_PASSWORD");
    }
  }
}
