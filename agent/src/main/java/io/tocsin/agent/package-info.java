/**
 * The Tocsin native collector agent: collects process, file and network activity plus host
 * snapshots with OSHI and JNA, delivers them to the server with batching, retries and a disk spool,
 * and executes response actions (dry-run unless explicitly enabled).
 */
package io.tocsin.agent;
