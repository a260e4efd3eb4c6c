/**
 * Built-in detection content: the policy pack shipped with Tocsin (YAML, MITRE ATT&CK tagged, each
 * policy with positive and negative sample events) and the mapping from policy trees to the
 * engine's model.
 */
package io.tocsin.rules;
