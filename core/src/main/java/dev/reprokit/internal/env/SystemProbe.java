package dev.reprokit.internal.env;

import dev.reprokit.env.HostInfo;
import dev.reprokit.env.LocaleInfo;
import dev.reprokit.env.OsInfo;
import dev.reprokit.env.RuntimeInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.RuntimeMXBean;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** Reads runtime, OS, locale and host facts from the running JVM. */
public final class SystemProbe {
  private SystemProbe() {}

  public static RuntimeInfo runtime(Map<String, String> props) {
    Runtime rt = Runtime.getRuntime();
    RuntimeMXBean mx = ManagementFactory.getRuntimeMXBean();
    List<String> collectors = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      collectors.add(gc.getName());
    }
    return new RuntimeInfo(
        Runtime.version().toString(),
        props.get("java.vendor"),
        props.get("java.vendor.version"),
        props.get("java.vm.name"),
        props.get("java.vm.version"),
        props.get("java.vm.vendor"),
        props.get("java.home"),
        mx.getInputArguments(),
        collectors,
        rt.maxMemory(),
        rt.totalMemory());
  }

  public static OsInfo os(Map<String, String> props) {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    Long physical = null;
    try {
      if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
        physical = sun.getTotalMemorySize();
      }
    } catch (LinkageError | RuntimeException notAvailable) { // not a HotSpot-style JVM
    }
    double load = os.getSystemLoadAverage();
    return new OsInfo(props.get("os.name"), props.get("os.version"), props.get("os.arch"),
        Runtime.getRuntime().availableProcessors(), physical, load < 0 ? null : load);
  }

  public static LocaleInfo locale(Map<String, String> props, Instant now) {
    TimeZone zone = TimeZone.getDefault();
    String offset;
    try {
      ZoneOffset o = ZoneId.of(zone.getID()).getRules().getOffset(now);
      offset = o.getId().equals("Z") ? "+00:00" : o.getId();
    } catch (RuntimeException unknownZone) {
      offset = null;
    }
    return new LocaleInfo(
        Locale.getDefault().toLanguageTag(),
        Locale.getDefault(Locale.Category.FORMAT).toLanguageTag(),
        Locale.getDefault(Locale.Category.DISPLAY).toLanguageTag(),
        zone.getID(),
        offset,
        Charset.defaultCharset().name(),
        props.get("file.encoding"),
        props.get("sun.jnu.encoding"),
        props.get("native.encoding"),
        Allowlists.escape(props.get("line.separator")));
  }

  public static HostInfo host(Map<String, String> props, String hostName, Instant now) {
    RuntimeMXBean mx = ManagementFactory.getRuntimeMXBean();
    long start = mx.getStartTime();
    return new HostInfo(hostName, ProcessHandle.current().pid(),
        Instant.ofEpochMilli(start).toString(), Math.max(0, now.toEpochMilli() - start),
        props.get("user.dir"));
  }

  /**
   * The host name without a DNS lookup when possible: {@code HOSTNAME} or
   * {@code COMPUTERNAME}, then the kernel's host name file, then the local address' name.
   */
  public static String hostName(Map<String, String> env, Path hostNameFile) {
    for (String variable : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
      String v = env.get(variable);
      if (v != null && !v.isBlank()) {
        return v.trim();
      }
    }
    try {
      if (hostNameFile != null && Files.isRegularFile(hostNameFile)) {
        String v = Files.readString(hostNameFile, StandardCharsets.US_ASCII).trim();
        if (!v.isEmpty()) {
          return v;
        }
      }
    } catch (Exception unreadable) { // try the next source
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception unknown) {
      return null;
    }
  }
}
