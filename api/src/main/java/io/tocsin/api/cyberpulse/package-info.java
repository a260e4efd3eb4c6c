/**
 * The CyberPulse Analytics Platform surface: {@code GET /dashboard/metrics} (security score,
 * compliance, correlated threats, system health), {@code GET /security/events} in the CyberPulse
 * list shape and {@code POST /security/alerts}. Everything is computed from the tenant's own
 * alerts, events, policies, scans and agents; nothing is stored here.
 */
package io.tocsin.api.cyberpulse;
