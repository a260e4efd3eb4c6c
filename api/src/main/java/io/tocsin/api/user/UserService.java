package io.tocsin.api.user;

import io.tocsin.api.error.ApiException;
import io.tocsin.api.security.Identities;
import io.tocsin.api.security.Role;
import io.tocsin.api.security.Secrets;
import io.tocsin.api.web.PageInfo;
import io.tocsin.api.web.Paging;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Users of a tenant: every method takes the tenant it acts in and never crosses it. */
@Service
public class UserService {

  static final Duration SET_PASSWORD_TTL = Duration.ofHours(72);

  private final UserRepository users;
  private final SetPasswordTokenRepository setPasswordTokens;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final MongoTemplate mongo;
  private final ApplicationEventPublisher events;

  UserService(
      MongoTemplate mongo,
      UserRepository users,
      SetPasswordTokenRepository setPasswordTokens,
      PasswordEncoder encoder,
      Clock clock,
      ApplicationEventPublisher events) {
    this.events = events;
    this.users = users;
    this.setPasswordTokens = setPasswordTokens;
    this.encoder = encoder;
    this.clock = clock;
    this.mongo = mongo;
  }

  public CreatedUser create(String tenantId, CreateUserRequest request, Role defaultRole) {
    User user = new User();
    user.setId(UUID.randomUUID().toString());
    user.setTenantId(tenantId);
    String email = normalize(request.email());
    user.setEmail(email);
    user.setUsername(request.username() == null ? email : normalize(request.username()));
    user.setName(request.name());
    user.setRole(request.role() == null ? defaultRole : request.role());
    Instant now = clock.instant();
    user.setCreatedAt(now);
    user.setUpdatedAt(now);
    if (request.password() != null) {
      user.setPasswordHash(encoder.encode(request.password()));
    }
    ensureUnique(user, null);
    save(user);
    if (request.password() != null) {
      return new CreatedUser(UserView.of(user), null, null);
    }
    String token = Secrets.random("spt_");
    Instant expires = now.plus(SET_PASSWORD_TTL);
    setPasswordTokens.save(
        new SetPasswordToken(
            UUID.randomUUID().toString(), Secrets.sha256(token), user.getId(), expires));
    return new CreatedUser(UserView.of(user), token, expires);
  }

  public UserPage list(String tenantId, Paging paging) {
    Query query =
        Query.query(Criteria.where("tenantId").is(tenantId))
            .with(Sort.by("createdAt", "id"))
            .skip(paging.offset())
            .limit(paging.limit());
    List<UserView> items = mongo.find(query, User.class).stream().map(UserView::of).toList();
    return new UserPage(items, PageInfo.of(paging, users.countByTenantId(tenantId), items.size()));
  }

  public User get(String tenantId, String id) {
    return users.findByIdAndTenantId(id, tenantId).orElseThrow(() -> ApiException.notFound("User"));
  }

  public UserView update(String tenantId, String id, UpdateUserRequest request) {
    User user = get(tenantId, id);
    if (request.email() != null) {
      user.setEmail(normalize(request.email()));
    }
    if (request.username() != null) {
      user.setUsername(normalize(request.username()));
    }
    if (request.name() != null) {
      user.setName(request.name());
    }
    boolean changed = false;
    if (request.role() != null && request.role() != user.getRole()) {
      if (request.role() != Role.ADMIN) {
        ensureNotLastAdmin(user);
      }
      user.setRole(request.role());
      changed = true;
    }
    boolean revoke = false;
    if (request.active() != null && request.active() != user.isActive()) {
      if (!request.active()) {
        ensureNotLastAdmin(user);
        revoke = true;
      }
      user.setActive(request.active());
      changed = true;
    }
    if (request.password() != null) {
      user.setPasswordHash(encoder.encode(request.password()));
      revoke = true;
    }
    if (Boolean.FALSE.equals(request.mfaEnabled())
        && (user.isMfaEnabled() || user.getMfaPendingSecret() != null)) {
      user.setMfaEnabled(false);
      user.setMfaSecret(null);
      user.setMfaPendingSecret(null);
      revoke = true;
    }
    if (revoke) {
      user.setSessionVersion(user.getSessionVersion() + 1);
    }
    ensureUnique(user, user.getId());
    user.setUpdatedAt(clock.instant());
    save(user);
    if (changed || revoke) {
      events.publishEvent(new UserChanged(user.getId(), revoke));
    }
    return UserView.of(user);
  }

  /**
   * Ends every session of the user: access tokens issued so far stop working on every server within
   * the session-check interval (at once on this one), refresh tokens are deleted.
   */
  public void revokeSessions(String userId) {
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(userId)),
        new Update().inc("sessionVersion", 1).set("updatedAt", clock.instant()),
        User.class);
    events.publishEvent(new UserChanged(userId, true));
  }

  public void delete(String tenantId, String id, String callerId) {
    User user = get(tenantId, id);
    if (user.getId().equals(callerId)) {
      throw ApiException.badRequest("You cannot delete your own account");
    }
    ensureNotLastAdmin(user);
    setPasswordTokens.deleteByUserId(user.getId());
    users.delete(user);
    events.publishEvent(new UserChanged(user.getId(), true));
  }

  /** Consumes a one-time set-password token. */
  public void setPassword(String token, String password) {
    SetPasswordToken stored =
        setPasswordTokens
            .findByTokenHash(Secrets.sha256(token))
            .filter(t -> t.expiresAt().isAfter(clock.instant()))
            .orElseThrow(() -> ApiException.badRequest("Invalid or expired set-password token"));
    setPasswordTokens.delete(stored);
    User user = users.findById(stored.userId()).orElseThrow(() -> ApiException.notFound("User"));
    user.setPasswordHash(encoder.encode(password));
    user.setSessionVersion(user.getSessionVersion() + 1);
    user.setUpdatedAt(clock.instant());
    users.save(user);
    events.publishEvent(new UserChanged(user.getId(), true));
  }

  /** A tenant keeps at least one admin: demoting or deleting the last one is refused. */
  private void ensureNotLastAdmin(User user) {
    if (user.getRole() == Role.ADMIN
        && users.countByTenantIdAndRole(user.getTenantId(), Role.ADMIN) <= 1) {
      throw ApiException.conflict("A tenant must keep at least one admin");
    }
  }

  private void ensureUnique(User user, String selfId) {
    users.findByUsernameOrEmail(user.getUsername(), user.getEmail()).stream()
        .filter(u -> u.getTenantId().equals(user.getTenantId()) && !u.getId().equals(selfId))
        .findFirst()
        .ifPresent(
            u -> {
              throw ApiException.conflict("A user with this username or email already exists");
            });
  }

  private void save(User user) {
    try {
      users.save(user);
    } catch (DuplicateKeyException e) {
      throw ApiException.conflict("A user with this username or email already exists");
    }
  }

  static String normalize(String value) {
    return Identities.normalize(value);
  }
}
