/**
 * Host inventory (the seed Process Monitoring API): agents post host snapshots to {@code POST
 * /submit/}; users read hosts, snapshots, process tables, process trees and system metrics of their
 * tenant. A host's processes live in their own collection keyed by snapshot (a snapshot of
 * thousands of processes would otherwise approach MongoDB's 16 MB document limit), and only the
 * last {@code TOCSIN_HOST_HISTORY} snapshots of each host are kept. Whether a host is active is
 * computed from its {@code last_seen} at read time, so no background job is needed.
 */
package io.tocsin.api.inventory;
