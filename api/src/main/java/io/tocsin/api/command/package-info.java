/**
 * Response-action commands for host agents. Alerts queue commands here; agents poll {@code GET
 * /api/v1/agents/{host_id}/commands} with their API key (pending commands become {@code sent}) and
 * post results to {@code .../commands/{id}/result}. Every state change is published as a {@link
 * io.tocsin.api.command.CommandStateChanged} application event, which the alert feature mirrors
 * onto the alert's {@code actions[]}. The wire shape matches {@code io.tocsin.agent.respond}.
 */
package io.tocsin.api.command;
