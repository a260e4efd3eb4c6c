package io.tocsin.api.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normal form of usernames and emails, applied when accounts are stored and when a login
 * names one: Unicode NFKC (full-width and compatibility forms fold to their plain letters),
 * trimmed, lower-cased in the root locale. Login throttling keys on the account this form resolves
 * to, so variants of a name ({@code " Admin"}, {@code "ADMIN"}, the email) share one counter.
 */
public final class Identities {

  private Identities() {}

  public static String normalize(String value) {
    if (value == null) {
      return null;
    }
    return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
  }
}
