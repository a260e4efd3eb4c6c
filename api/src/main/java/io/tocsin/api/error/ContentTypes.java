package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Recognises request content types no endpoint can read a body from. */
final class ContentTypes {

  private ContentTypes() {}

  /** Whether the request's {@code Content-Type} is present but unparseable or a wildcard. */
  static boolean unusable(HttpServletRequest request) {
    String header = request.getContentType();
    if (header == null || header.isBlank()) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(header);
      return type.isWildcardType() || type.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return true;
    }
  }
}
