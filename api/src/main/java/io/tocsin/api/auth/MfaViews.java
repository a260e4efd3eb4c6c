package io.tocsin.api.auth;

/** Responses of the MFA endpoints. */
final class MfaViews {

  private MfaViews() {}

  /**
   * Response of {@code POST /auth/mfa/enroll}: the pending secret, to be confirmed with a first
   * code.
   *
   * @param secret base32 TOTP secret, shown once
   * @param otpauthUri the same secret as an {@code otpauth://} URI for authenticator apps (QR code)
   */
  record MfaEnrollment(String secret, String otpauthUri) {}

  /**
   * Response of {@code POST /auth/mfa/confirm} and {@code /disable}.
   *
   * @param mfaEnabled whether login now asks for a TOTP code
   */
  record MfaStatus(boolean mfaEnabled) {}
}
