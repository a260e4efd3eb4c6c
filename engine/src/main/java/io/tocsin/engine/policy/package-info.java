/**
 * The plain-Java policy model (DESIGN §5) and its loader. Documents become {@link
 * io.tocsin.engine.policy.PolicyDefinition}s through {@link
 * io.tocsin.engine.format.PolicyDocument}; {@link io.tocsin.engine.policy.PolicyLoader} validates a
 * whole policy set at once and reports every problem with a location, Falco {@code load_result}
 * style. Only a set without errors becomes a {@link io.tocsin.engine.policy.PolicySet}.
 */
package io.tocsin.engine.policy;
