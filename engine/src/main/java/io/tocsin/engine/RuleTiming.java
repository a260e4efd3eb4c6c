package io.tocsin.engine;

/**
 * Estimated time one rule's non-indexed checks took since its policy-set generation was compiled
 * (sampled; see {@code SlotTimings}).
 *
 * @param policyId the policy
 * @param ruleId the rule within it
 * @param nanos estimated nanoseconds spent evaluating its conditions
 */
public record RuleTiming(String policyId, String ruleId, long nanos) {}
