/**
 * Response actions polled from the server's command queue: {@code kill_process}, {@code
 * quarantine}/{@code restore}, {@code isolate_host}/{@code release_host}. Destructive actions are
 * dry-run (logged and reported as {@code dry_run} with what would have happened) unless {@code
 * TOCSIN_AGENT_ALLOW_RESPONSE=true}.
 */
package io.tocsin.agent.respond;
