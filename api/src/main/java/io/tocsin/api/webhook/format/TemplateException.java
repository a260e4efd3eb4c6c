package io.tocsin.api.webhook.format;

/** A template is invalid, or names a field the alert does not have. */
public class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
