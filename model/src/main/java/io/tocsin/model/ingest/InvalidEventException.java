package io.tocsin.model.ingest;

/** An ingested item that cannot become a canonical event; the message says which field and why. */
public final class InvalidEventException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidEventException(String message) {
    super(message);
  }
}
