package io.tocsin.api.ui;

/** Paths of the web UI's static files: public, since they hold no data (the API checks). */
public final class UiPaths {

  /** The single-page app, its modules and the webjars it loads. */
  public static final String[] STATIC = {
    "/", "/index.html", "/favicon.ico", "/ui/**", "/webjars/**"
  };

  /** Swagger UI ships its own inline bootstrap; it keeps Spring Security's default headers. */
  public static final String SWAGGER = "/swagger-ui/**";

  private UiPaths() {}
}
