/**
 * Agent configuration: environment variables (with the OS-Pulse {@code OSPULSE_API_*} aliases) over
 * an optional properties file, validated all at once into an immutable {@link
 * io.tocsin.agent.config.AgentConfig}.
 */
package io.tocsin.agent.config;
