package io.tocsin.api.tenant;

import io.tocsin.api.config.TocsinProperties;
import io.tocsin.api.security.CurrentPrincipal;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.user.CreateUserRequest;
import io.tocsin.api.user.UpdateUserRequest;
import io.tocsin.api.user.User;
import io.tocsin.api.user.UserRepository;
import io.tocsin.api.user.UserService;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * First start on an empty database: tenant {@code default} and user {@code admin}. Runs before the
 * web server accepts requests. On a database that already has users, {@code TOCSIN_ADMIN_PASSWORD}
 * is not applied (a WARN says so), unless {@code TOCSIN_ADMIN_PASSWORD_RESET=true} asks to reset
 * {@code admin}'s password to it (and give it the admin role back, or create it again if it was
 * deleted): the supported way back in after a lost password.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

  static final String ADMIN = "admin";
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

  private final TenantService tenants;
  private final UserRepository users;
  private final UserService userService;
  private final TocsinProperties properties;
  private final boolean resetPassword;

  AdminBootstrap(
      TenantService tenants,
      UserRepository users,
      UserService userService,
      TocsinProperties properties,
      @Value("${tocsin.admin-password-reset:false}") boolean resetPassword) {
    this.tenants = tenants;
    this.users = users;
    this.userService = userService;
    this.properties = properties;
    this.resetPassword = resetPassword;
  }

  @Override
  public void afterSingletonsInstantiated() {
    tenants.ensureDefault();
    boolean passwordGiven = StringUtils.hasText(properties.adminPassword());
    if (users.count() == 0) {
      createAdmin();
    } else if (resetPassword && passwordGiven) {
      resetAdmin();
    } else if (resetPassword) {
      log.warn(
          "TOCSIN_ADMIN_PASSWORD_RESET=true but TOCSIN_ADMIN_PASSWORD is empty: nothing reset");
    } else if (passwordGiven) {
      log.warn(
          "TOCSIN_ADMIN_PASSWORD is ignored: the database already has users, and the variable"
              + " only sets the password on the first start. To reset the password of 'admin' to"
              + " it, start once with TOCSIN_ADMIN_PASSWORD_RESET=true (docs/operations.md)");
    }
  }

  private void resetAdmin() {
    Optional<User> admin =
        users.findByUsernameOrEmail(ADMIN, ADMIN).stream()
            .filter(u -> CurrentPrincipal.PLATFORM_TENANT.equals(u.getTenantId()))
            .findFirst();
    if (admin.isEmpty()) {
      log.warn("TOCSIN_ADMIN_PASSWORD_RESET=true: user 'admin' does not exist; creating it");
      createAdmin();
      return;
    }
    userService.update(
        CurrentPrincipal.PLATFORM_TENANT,
        admin.get().getId(),
        new UpdateUserRequest(
            null, null, properties.adminPassword(), null, Role.ADMIN, null, null));
    log.warn(
        "Reset the password of user 'admin' to TOCSIN_ADMIN_PASSWORD"
            + " (TOCSIN_ADMIN_PASSWORD_RESET=true); unset TOCSIN_ADMIN_PASSWORD_RESET for later"
            + " starts");
  }

  private void createAdmin() {
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
