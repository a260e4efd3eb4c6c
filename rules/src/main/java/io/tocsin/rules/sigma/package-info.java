/**
 * Sigma import: converts Sigma detection and correlation rules (YAML) to Tocsin policies in the
 * policies API's JSON shape, with a per-rule report. A rule is converted exactly or rejected with
 * its reasons, never half-converted. Entry point: {@link io.tocsin.rules.sigma.SigmaConverter};
 * field names are mapped by logsource with the editable files under {@code sigma/mappings/}.
 */
package io.tocsin.rules.sigma;
