/**
 * Collection: process start/exit from process-table diffs, new network connections, file operations
 * under watched paths and periodic host snapshots. OS access sits behind small interfaces ({@link
 * io.tocsin.agent.collect.ProcessSource}, {@link io.tocsin.agent.collect.ConnectionSource}, {@link
 * io.tocsin.agent.collect.SnapshotSource}) with OSHI/JNA implementations, so tests can use fakes.
 */
package io.tocsin.agent.collect;
