package io.tocsin.api.security;

/** Names of the claims Tocsin puts in its access tokens. */
public final class TokenClaims {

  public static final String ISSUER = "tocsin";
  public static final String TENANT = "tid";
  public static final String ROLE = "role";
  public static final String USERNAME = "usr";

  /** The user's session version when the token was issued; see {@code User#getSessionVersion}. */
  public static final String SESSION_VERSION = "sv";

  private TokenClaims() {}
}
