/**
 * The {@code tocsin} command-line tool for detection-as-code: validate and test a policies
 * repository offline (CI), and diff, push and backtest it against a server. Each subcommand is one
 * picocli class listed in {@link io.tocsin.rules.cli.TocsinCli}; output goes to picocli's writers,
 * so tests capture it.
 */
package io.tocsin.rules.cli;
