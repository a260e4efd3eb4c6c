package io.tocsin.rules.cli;

import io.tocsin.rules.BuiltinPolicies;
import picocli.CommandLine.IVersionProvider;

/** {@code tocsin --version}: the tool's version and the built-in pack it carries. */
final class CliVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = TocsinCli.class.getPackage().getImplementationVersion();
    var pack = BuiltinPolicies.builtinPack();
    return new String[] {
      "tocsin " + (version == null ? "dev" : version),
      "built-in pack "
          + pack.id()
          + " "
          + pack.version()
          + " ("
          + pack.policies().size()
          + " policies)"
    };
  }
}
