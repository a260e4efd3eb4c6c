package io.tocsin.rules.sigma;

/**
 * One input file: its name (for the report) and YAML text, which may hold several documents.
 *
 * @param name a file name or path inside a folder or zip, e.g. {@code windows/proc_x.yml}
 */
public record SigmaSource(String name, String text) {}
