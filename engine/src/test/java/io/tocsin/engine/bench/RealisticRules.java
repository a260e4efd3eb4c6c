package io.tocsin.engine.bench;

import static io.tocsin.engine.bench.RuleSpec.contains;
import static io.tocsin.engine.bench.RuleSpec.icontains;
import static io.tocsin.engine.bench.RuleSpec.keyed;
import static io.tocsin.engine.bench.RuleSpec.num;
import static io.tocsin.engine.bench.RuleSpec.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** 100 realistic rules: process (LOLBins, parents, command lines), file, network, auth. */
final class RealisticRules {

  static final String[][] LOLBINS = {
    {"certutil.exe", "-urlcache"},
    {"mshta.exe", "http"},
    {"regsvr32.exe", "/i:http"},
    {"rundll32.exe", "javascript:"},
    {"bitsadmin.exe", "/transfer"},
    {"wmic.exe", "process call create"},
    {"powershell.exe", "-enc"},
    {"powershell.exe", "downloadstring"},
    {"schtasks.exe", "/create"},
    {"reg.exe", "save hklm\\sam"},
    {"vssadmin.exe", "delete shadows"},
    {"wevtutil.exe", " cl "},
    {"net.exe", "user /add"},
    {"whoami.exe", "/priv"},
    {"cscript.exe", ".vbs"},
    {"msbuild.exe", ".xml"},
    {"installutil.exe", "/u"},
    {"cmstp.exe", "/s"},
    {"bash", "/dev/tcp/"},
    {"nc", "-e /bin/sh"},
    {"curl", "| sh"},
    {"wget", "-o- |"},
    {"chmod", "+x /tmp/"},
    {"python3", "pty.spawn"},
    {"base64", "-d"},
    {"sc.exe", "create"},
    {"bcdedit.exe", "recoveryenabled no"},
    {"netsh.exe", "portproxy"},
    {"at.exe", "/every"},
    {"forfiles.exe", "/c"}
  };
  static final String[] PARENTS = {
    "winword.exe", "excel.exe", "powerpnt.exe", "outlook.exe", "acrord32.exe",
    "w3wp.exe", "sqlservr.exe", "httpd", "nginx", "java"
  };
  static final String[] TOKENS = {
    "mimikatz", "sekurlsa", "invoke-expression", "-encodedcommand", "frombase64string",
    "invoke-webrequest", "net user administrator", "procdump", "lsass", "ntds.dit",
    "shadowcopy", "bypass -nop", "add-mppreference", "iex(", "hidden -c"
  };
  static final String[][] FILES = {
    {"/tmp/", ".sh"},
    {"/dev/shm/", ".so"},
    {"/var/tmp/", ".elf"},
    {"/etc/cron.d/", ""},
    {"c:\\users\\public\\", ".exe"},
    {"c:\\windows\\temp\\", ".dll"},
    {"/root/.ssh/", "authorized_keys"},
    {"/etc/sudoers.d/", ""},
    {"c:\\programdata\\", ".ps1"},
    {"/home/", ".bash_history"}
  };
  static final long[] PORTS = {4444, 1337, 31337, 6667, 9001, 5555, 23, 3389, 5900, 2323};
  static final String[] ADMINS = {"root", "admin", "administrator", "oracle", "postgres"};

  private RealisticRules() {}

  static List<RuleSpec> all() {
    List<RuleSpec> rules = new ArrayList<>();
    for (String[] l : LOLBINS) {
      String arg = l[1].toLowerCase();
      rules.add(
          keyed(
              "process.name == '"
                  + l[0]
                  + "' and process.command_line icontains '"
                  + esc(l[1])
                  + "'",
              "process.name",
              l[0],
              e -> icontains(e, "process.command_line", arg)));
    }
    Set<String> shells = Set.of("cmd.exe", "powershell.exe", "wscript.exe");
    for (String p : PARENTS) {
      rules.add(
          keyed(
              "process.parent.name == '"
                  + p
                  + "' and process.name in ('cmd.exe', 'powershell.exe', 'wscript.exe')",
              "process.parent.name",
              p,
              e -> in(shells, str(e, "process.name"))));
    }
    for (String t : TOKENS) {
      rules.add(
          RuleSpec.of(
              "process.command_line icontains '" + t + "'",
              e -> icontains(e, "process.command_line", t)));
    }
    for (String[] f : FILES) {
      String dir = f[0];
      String ext = f[1];
      rules.add(
          RuleSpec.of(
              "file.path istartswith '" + esc(dir) + "' and file.name iendswith '" + ext + "'",
              e -> {
                String path = str(e, "file.path");
                String name = str(e, "file.name");
                return path != null
                    && name != null
                    && path.toLowerCase().startsWith(dir)
                    && name.toLowerCase().endsWith(ext);
              }));
    }
    rules.add(
        RuleSpec.of(
            "file.size > 100MB and file.destination not in ('backup.corp', 'nas.corp')",
            e ->
                num(e, "file.size") > 100L << 20
                    && e.get("file.destination") instanceof String d
                    && !d.equals("backup.corp")
                    && !d.equals("nas.corp")));
    rules.add(
        keyed(
            "file.operation == 'delete' and file.path contains '/var/log/'",
            "file.operation",
            "delete",
            e -> contains(e, "file.path", "/var/log/")));
    rules.add(
        keyed(
            "file.operation == 'rename' and file.name endswith '.locked'",
            "file.operation",
            "rename",
            e -> str(e, "file.name") != null && str(e, "file.name").endsWith(".locked")));
    rules.add(
        RuleSpec.of(
            "file.path glob '/etc/**/*.conf' and process.name in ('nc', 'curl', 'wget')",
            e ->
                in(Set.of("nc", "curl", "wget"), str(e, "process.name"))
                    && str(e, "file.path") != null
                    && str(e, "file.path").startsWith("/etc/")
                    && str(e, "file.path").endsWith(".conf")));
    rules.add(
        RuleSpec.of(
            "file.hash in ('44d88612fea8a8f36de82e1278abb02f', 'e99a18c428cb38d5f260853678922e03')",
            e ->
                in(
                    Set.of("44d88612fea8a8f36de82e1278abb02f", "e99a18c428cb38d5f260853678922e03"),
                    str(e, "file.hash"))));
    for (long port : PORTS) {
      rules.add(
          keyed(
              "network.destination.port == "
                  + port
                  + " and network.destination.ip not in 10.0.0.0/8",
              "network.destination.port",
              port,
              e ->
                  str(e, "network.destination.ip") != null
                      && !str(e, "network.destination.ip").startsWith("10.")));
    }
    rules.add(
        RuleSpec.of(
            "network.destination.domain endswith '.onion'",
            e ->
                str(e, "network.destination.domain") != null
                    && str(e, "network.destination.domain").endsWith(".onion")));
    rules.add(
        RuleSpec.of(
            "network.destination.domain iendswith '.top' and network.bytes > 10MB",
            e ->
                str(e, "network.destination.domain") != null
                    && str(e, "network.destination.domain").toLowerCase().endsWith(".top")
                    && num(e, "network.bytes") > 10L << 20));
    rules.add(RuleSpec.of("network.bytes > 1GB", e -> num(e, "network.bytes") > 1L << 30));
    rules.add(
        keyed(
            "network.protocol == 'icmp' and network.bytes > 1MB",
            "network.protocol",
            "icmp",
            e -> num(e, "network.bytes") > 1L << 20));
    rules.add(
        keyed(
            "network.destination.port == 53 and network.bytes > 512KB",
            "network.destination.port",
            53L,
            e -> num(e, "network.bytes") > 512L << 10));
    for (String a : ADMINS) {
      rules.add(
          keyed(
              "user.name == '" + a + "' and auth.result == 'failure'",
              "user.name",
              a,
              e -> "failure".equals(e.get("auth.result"))));
      rules.add(
          keyed(
              "user.name == '"
                  + a
                  + "' and auth.method == 'password' and network.source.ip not in 10.0.0.0/8",
              "user.name",
              a + "",
              e ->
                  "password".equals(e.get("auth.method"))
                      && str(e, "network.source.ip") != null
                      && !str(e, "network.source.ip").startsWith("10.")));
    }
    rules.add(
        keyed(
            "auth.method == 'ssh_key' and user.name == 'git'",
            "user.name",
            "git",
            e -> "ssh_key".equals(e.get("auth.method"))));
    rules.add(
        RuleSpec.of(
            "auth.result == 'success' and user.dept == 'contractor' and host.os.family == 'windows'",
            e ->
                "success".equals(e.get("auth.result"))
                    && "contractor".equals(e.get("user.dept"))
                    && "windows".equals(e.get("host.os.family"))));
    rules.add(
        keyed(
            "user.name == 'guest' and auth.result == 'success'",
            "user.name",
            "guest",
            e -> "success".equals(e.get("auth.result"))));
    rules.add(
        keyed(
            "user.name == 'sa' and auth.result == 'failure'",
            "user.name",
            "sa",
            e -> "failure".equals(e.get("auth.result"))));
    rules.add(
        keyed(
            "user.name == 'test' and auth.result == 'success'",
            "user.name",
            "test",
            e -> "success".equals(e.get("auth.result"))));
    return rules;
  }

  private static boolean in(Set<String> set, String value) {
    return value != null && set.contains(value);
  }

  static String esc(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }
}
