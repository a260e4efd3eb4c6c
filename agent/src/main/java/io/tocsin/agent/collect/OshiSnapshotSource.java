package io.tocsin.agent.collect;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.HWDiskStore;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSFileStore;

/**
 * Host facts, the process table and system metrics (CPU, memory, disk usage and I/O, network I/O)
 * from OSHI, shaped for {@code POST /api/v1/submit/}. CPU load is measured between calls.
 */
public final class OshiSnapshotSource implements SnapshotSource {

  private final SystemInfo si;
  private final HostIdentity host;
  private final ProcessSource processes;
  private final Clock clock;
  private long[] cpuTicks;

  public OshiSnapshotSource(
      SystemInfo si, HostIdentity host, ProcessSource processes, Clock clock) {
    this.si = si;
    this.host = host;
    this.processes = processes;
    this.clock = clock;
    this.cpuTicks = si.getHardware().getProcessor().getSystemCpuLoadTicks();
  }

  @Override
  public Map<String, Object> snapshot() {
    HardwareAbstractionLayer hal = si.getHardware();
    GlobalMemory memory = hal.getMemory();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("host_id", host.hostId());
    s.put("hostname", host.hostname());
    s.put("platform", host.osFamily());
    s.put("platform_version", host.osVersion());
    s.put("architecture", host.architecture());
    s.put("cpu_count", hal.getProcessor().getLogicalProcessorCount());
    s.put("memory_total", memory.getTotal());
    s.put(
        "boot_time", Instant.ofEpochSecond(si.getOperatingSystem().getSystemBootTime()).toString());
    s.put("ip_addresses", host.ips());
    s.put("timestamp", clock.instant().toString());
    s.put("agent_version", EventFactory.AGENT_VERSION);
    s.put("processes", processes(memory.getTotal()));
    s.put("system_metrics", metrics(hal, memory));
    return s;
  }

  private List<Map<String, Object>> processes(long memTotal) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ProcessInfo p : processes.processes()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("pid", p.pid());
      m.put("ppid", p.ppid());
      m.put("name", p.name());
      m.put("exe", p.exe());
      m.put("cmdline", p.commandLine());
      m.put("username", p.user());
      m.put("status", p.status());
      m.put("cpu_percent", p.cpuPercent());
      m.put("memory_rss", p.rss());
      m.put("memory_percent", memTotal == 0 ? 0.0 : round(100.0 * p.rss() / memTotal));
      m.put(
          "create_time", p.startTime() > 0 ? Instant.ofEpochMilli(p.startTime()).toString() : null);
      m.put("num_threads", p.threads());
      out.add(m);
    }
    return out;
  }

  private Map<String, Object> metrics(HardwareAbstractionLayer hal, GlobalMemory memory) {
    CentralProcessor cpu = hal.getProcessor();
    double load = cpu.getSystemCpuLoadBetweenTicks(cpuTicks);
    cpuTicks = cpu.getSystemCpuLoadTicks();
    Map<String, Object> m = new LinkedHashMap<>();
    double[] avg = cpu.getSystemLoadAverage(3);
    Map<String, Object> cpuMetrics = new LinkedHashMap<>();
    cpuMetrics.put("percent", round(load * 100));
    cpuMetrics.put("count", cpu.getLogicalProcessorCount());
    cpuMetrics.put("load_average", List.of(avg[0], avg[1], avg[2]));
    m.put("cpu", cpuMetrics);
    long total = memory.getTotal();
    long available = memory.getAvailable();
    m.put(
        "memory",
        Map.of(
            "total",
            total,
            "available",
            available,
            "used",
            total - available,
            "percent",
            total == 0 ? 0.0 : round(100.0 * (total - available) / total)));
    m.put("disk", disk(hal));
    m.put("network", network(hal));
    return m;
  }

  private Map<String, Object> disk(HardwareAbstractionLayer hal) {
    List<Map<String, Object>> usage = new ArrayList<>();
    for (OSFileStore fs : si.getOperatingSystem().getFileSystem().getFileStores(true)) {
      long total = fs.getTotalSpace();
      long free = fs.getUsableSpace();
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("mountpoint", fs.getMount());
      u.put("device", fs.getName());
      u.put("fstype", fs.getType());
      u.put("total", total);
      u.put("used", total - free);
      u.put("free", free);
      u.put("percent", total == 0 ? 0.0 : round(100.0 * (total - free) / total));
      usage.add(u);
    }
    long readBytes = 0;
    long writeBytes = 0;
    long reads = 0;
    long writes = 0;
    for (HWDiskStore d : hal.getDiskStores()) {
      readBytes += d.getReadBytes();
      writeBytes += d.getWriteBytes();
      reads += d.getReads();
      writes += d.getWrites();
    }
    Map<String, Object> io = new LinkedHashMap<>();
    io.put("read_bytes", readBytes);
    io.put("write_bytes", writeBytes);
    io.put("read_count", reads);
    io.put("write_count", writes);
    Map<String, Object> disk = new LinkedHashMap<>();
    disk.put("usage", usage);
    disk.put("io", io);
    return disk;
  }

  private static Map<String, Object> network(HardwareAbstractionLayer hal) {
    long sent = 0;
    long recv = 0;
    long packetsSent = 0;
    long packetsRecv = 0;
    long errIn = 0;
    long errOut = 0;
    for (NetworkIF nif : hal.getNetworkIFs()) {
      sent += nif.getBytesSent();
      recv += nif.getBytesRecv();
      packetsSent += nif.getPacketsSent();
      packetsRecv += nif.getPacketsRecv();
      errIn += nif.getInErrors();
      errOut += nif.getOutErrors();
    }
    Map<String, Object> io = new LinkedHashMap<>();
    io.put("bytes_sent", sent);
    io.put("bytes_recv", recv);
    io.put("packets_sent", packetsSent);
    io.put("packets_recv", packetsRecv);
    io.put("errin", errIn);
    io.put("errout", errOut);
    return Map.of("io", io);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
