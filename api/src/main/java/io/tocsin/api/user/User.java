package io.tocsin.api.user;

import io.tocsin.api.security.Role;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user account, unique by username and by email within its tenant. Usernames and emails are
 * stored lower-case; login accepts either.
 */
@Document("users")
@CompoundIndex(name = "tenant_username", def = "{'tenantId': 1, 'username': 1}", unique = true)
@CompoundIndex(name = "tenant_email", def = "{'tenantId': 1, 'email': 1}", unique = true)
public class User {

  @Id private String id;
  private String tenantId;
  @Indexed private String username;
  @Indexed private String email;
  private String name;
  private String passwordHash;
  private Role role;
  private boolean mfaEnabled;
  private String mfaSecret;
  private String mfaPendingSecret;
  private Instant createdAt;
  private Instant updatedAt;
  private Instant lastLoginAt;
  private Boolean active;
  private Integer sessionVersion;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getTenantId() {
    return tenantId;
  }

  public void setTenantId(String tenantId) {
    this.tenantId = tenantId;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public void setPasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public boolean isMfaEnabled() {
    return mfaEnabled;
  }

  public void setMfaEnabled(boolean mfaEnabled) {
    this.mfaEnabled = mfaEnabled;
  }

  public String getMfaSecret() {
    return mfaSecret;
  }

  public void setMfaSecret(String mfaSecret) {
    this.mfaSecret = mfaSecret;
  }

  public String getMfaPendingSecret() {
    return mfaPendingSecret;
  }

  public void setMfaPendingSecret(String mfaPendingSecret) {
    this.mfaPendingSecret = mfaPendingSecret;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Instant getLastLoginAt() {
    return lastLoginAt;
  }

  public void setLastLoginAt(Instant lastLoginAt) {
    this.lastLoginAt = lastLoginAt;
  }

  /** Whether the account may log in and use its tokens; accounts stored before the flag are. */
  public boolean isActive() {
    return active == null || active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  /**
   * Raised to revoke every session: access tokens carry the version they were issued under and stop
   * working when it changes; refresh tokens likewise.
   */
  public int getSessionVersion() {
    return sessionVersion == null ? 0 : sessionVersion;
  }

  public void setSessionVersion(int sessionVersion) {
    this.sessionVersion = sessionVersion;
  }
}
