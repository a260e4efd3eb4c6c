/**
 * Runs a policy's sample events through the real detection engine, offline and with correlation,
 * and says per sample whether it behaved as labelled. The build runs it over the built-in pack;
 * {@code tocsin test} runs it over a policies repository.
 */
package io.tocsin.rules.samples;
