/**
 * SOC case management, served in the shape of the CyberPulse seed's projects and tasks: a case
 * ({@code /api/v1/projects}) groups the alerts of one incident (merging several alerts into one
 * case), has a status, an assignee, comments and an append-only audit trail; its tasks ({@code
 * /api/v1/tasks}) carry priority and story points, and the case's progress is the share of done
 * story points. Every change is published as a {@link io.tocsin.api.cases.CaseChanged} application
 * event, which webhooks deliver as {@code case.created} / {@code case.updated}.
 */
package io.tocsin.api.cases;
