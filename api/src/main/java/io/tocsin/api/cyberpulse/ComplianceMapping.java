package io.tocsin.api.cyberpulse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which framework a policy tag speaks for. {@code compliance:<framework>} (or {@code
 * compliance.<framework>}) names a compliance framework, with the common spellings folded onto one
 * id; {@code attack.<tactic>} names a MITRE ATT&CK enterprise tactic.
 */
final class ComplianceMapping {

  /** Framework id → display name; the ids every dashboard shows, monitored or not. */
  static final Map<String, String> FRAMEWORKS =
      Map.of(
          "pci_dss", "PCI DSS",
          "hipaa", "HIPAA",
          "soc2", "SOC 2",
          "iso27001", "ISO/IEC 27001",
          "nist_csf", "NIST CSF",
          "gdpr", "GDPR");

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("pci", "pci_dss"),
          Map.entry("pci_dss", "pci_dss"),
          Map.entry("pcidss", "pci_dss"),
          Map.entry("hipaa", "hipaa"),
          Map.entry("soc2", "soc2"),
          Map.entry("soc_2", "soc2"),
          Map.entry("iso27001", "iso27001"),
          Map.entry("iso_27001", "iso27001"),
          Map.entry("nist", "nist_csf"),
          Map.entry("nist_csf", "nist_csf"),
          Map.entry("nist_800_53", "nist_csf"),
          Map.entry("gdpr", "gdpr"));

  /** The 14 enterprise tactics, in kill-chain order, as Sigma/ATT&CK tags spell them. */
  static final List<String> TACTICS =
      List.of(
          "reconnaissance",
          "resource_development",
          "initial_access",
          "execution",
          "persistence",
          "privilege_escalation",
          "defense_evasion",
          "credential_access",
          "discovery",
          "lateral_movement",
          "collection",
          "command_and_control",
          "exfiltration",
          "impact");

  private ComplianceMapping() {}

  /** The framework a {@code compliance:*} tag names; other tags name none. */
  static Optional<String> framework(String tag) {
    String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    String rest;
    if (t.startsWith("compliance:") || t.startsWith("compliance.")) {
      rest = t.substring("compliance:".length());
    } else {
      return Optional.empty();
    }
    String id = rest.replace('-', '_').replace(' ', '_');
    if (id.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ALIASES.getOrDefault(id, id));
  }

  /** The tactic an {@code attack.<tactic>} tag names (dashes folded); techniques name none. */
  static Optional<String> tactic(String tag) {
    String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
    if (!t.startsWith("attack.")) {
      return Optional.empty();
    }
    String name = t.substring("attack.".length()).replace('-', '_');
    return TACTICS.contains(name) ? Optional.of(name) : Optional.empty();
  }

  /** Whether the tag is an ATT&CK technique ({@code attack.t1059}, {@code attack.t1003.001}). */
  static boolean technique(String tag) {
    return tag != null
        && tag.trim().toLowerCase(Locale.ROOT).matches("attack\\.t\\d{4}(\\.\\d{3})?");
  }
}
