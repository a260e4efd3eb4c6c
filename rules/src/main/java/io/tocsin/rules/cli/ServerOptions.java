package io.tocsin.rules.cli;

import picocli.CommandLine.Option;

/** {@code --server}, {@code --token}, {@code --tenant}: where and as whom remote commands run. */
final class ServerOptions {

  @Option(
      names = "--server",
      required = true,
      defaultValue = "${env:TOCSIN_SERVER}",
      description = "server base URL, e.g. http://localhost:8080 (env TOCSIN_SERVER)")
  String server;

  @Option(
      names = "--token",
      required = true,
      defaultValue = "${env:TOCSIN_TOKEN}",
      description = "a bearer token (JWT from /api/v1/auth/login) (env TOCSIN_TOKEN)")
  String token;

  @Option(
      names = "--tenant",
      defaultValue = "${env:TOCSIN_TENANT}",
      description = "tenant id, for users of several tenants (X-Tenant-ID) (env TOCSIN_TENANT)")
  String tenant;
}
