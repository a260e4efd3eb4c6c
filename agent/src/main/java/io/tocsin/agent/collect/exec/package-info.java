/**
 * Real-time process events on Linux: the kernel's process events connector (netlink {@code
 * NETLINK_CONNECTOR}, group {@code CN_IDX_PROC}) reports every fork, exec and exit as it happens,
 * so a process that lives a few milliseconds is still seen. At exec time the new process's {@code
 * /proc} entry is read at once (executable, argv, working directory, owner, parent) and turned into
 * the same canonical {@code process} event the polling tracker builds. Where the connector is
 * unavailable (not Linux; before kernel 6.6 also not root and no {@code CAP_NET_ADMIN}) the agent
 * keeps polling and logs why ({@link io.tocsin.agent.collect.exec.ProcessEventsMode}).
 */
package io.tocsin.agent.collect.exec;
