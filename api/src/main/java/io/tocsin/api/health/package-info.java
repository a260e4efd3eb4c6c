/**
 * {@code /api/v1/health} and {@code /api/v1/health/ready}: public liveness and readiness in the
 * seed shape, for load balancers and the agent. Prometheus metrics are Actuator's.
 */
package io.tocsin.api.health;
