package dev.reprokit.internal.env;

import dev.reprokit.env.ContainerInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the process' resource limits from cgroup files. cgroup v2 (unified hierarchy, a
 * {@code cgroup.controllers} file at the root): {@code memory.max} and {@code cpu.max} in the
 * process' own group (from {@code /proc/self/cgroup}, line {@code 0::/path}), else at the
 * root, as seen inside most containers. cgroup v1: {@code memory/memory.limit_in_bytes},
 * {@code cpu/cpu.cfs_quota_us} and {@code cpu/cpu.cfs_period_us}, in the group named in
 * {@code /proc/self/cgroup} or at the controller root. "max", {@code -1} and v1's
 * page-rounded {@code Long.MAX_VALUE} mean unlimited.
 */
public final class CgroupReader {
  /** v1 reports "no limit" as {@code Long.MAX_VALUE} rounded down to a page; anything this big is unlimited. */
  private static final long V1_UNLIMITED = Long.MAX_VALUE / 2;

  private final Path root;
  private final Path selfCgroup;

  /** @param root normally {@code /sys/fs/cgroup}; @param selfCgroup normally {@code /proc/self/cgroup} */
  public CgroupReader(Path root, Path selfCgroup) {
    this.root = root;
    this.selfCgroup = selfCgroup;
  }

  /** The limits, or {@code null} when no limit is set or nothing is readable. Never throws. */
  public ContainerInfo read() {
    try {
      ContainerInfo info = Files.isRegularFile(root.resolve("cgroup.controllers")) ? readV2() : readV1();
      if (info == null || (info.memoryLimitBytes() == null && info.cpuQuotaMicros() == null)) {
        return null;
      }
      return info;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private ContainerInfo readV2() throws IOException {
    List<Path> dirs = candidates("");
    Long memory = null;
    Long quota = null;
    Long period = null;
    boolean found = false;
    for (Path dir : dirs) {
      String mem = readFirstLine(dir.resolve("memory.max"));
      String cpu = readFirstLine(dir.resolve("cpu.max"));
      if (mem == null && cpu == null) {
        continue;
      }
      found = true;
      memory = parseLimit(mem);
      if (cpu != null) {
        String[] parts = cpu.trim().split("\\s+");
        quota = parseLimit(parts[0]);
        period = parts.length > 1 ? parseLimit(parts[1]) : null;
      }
      break;
    }
    return found ? build("v2", memory, quota, period) : null;
  }

  private ContainerInfo readV1() throws IOException {
    Long memory = null;
    for (Path dir : candidates("memory")) {
      String mem = readFirstLine(dir.resolve("memory.limit_in_bytes"));
      if (mem != null) {
        memory = parseLimit(mem);
        break;
      }
    }
    Long quota = null;
    Long period = null;
    for (Path dir : candidates("cpu")) {
      String q = readFirstLine(dir.resolve("cpu.cfs_quota_us"));
      if (q != null) {
        quota = parseLimit(q);
        period = parseLimit(readFirstLine(dir.resolve("cpu.cfs_period_us")));
        break;
      }
    }
    return build("v1", memory, quota, period);
  }

  private static ContainerInfo build(String version, Long memory, Long quota, Long period) {
    Double cpus = quota != null && period != null && period > 0
        ? Math.round(quota * 1000.0 / period) / 1000.0 : null;
    return new ContainerInfo(version, memory, quota, quota == null ? null : period, cpus);
  }

  /**
   * Directories to look in for a controller ({@code ""} for v2): the process' own group
   * first, then the controller root.
   */
  private List<Path> candidates(String controller) throws IOException {
    List<Path> out = new ArrayList<>();
    Path base = controller.isEmpty() ? root : root.resolve(controller);
    String own = ownGroup(controller);
    if (own != null && !own.equals("/")) {
      Path p = base.resolve(own.substring(1)).normalize();
      if (p.startsWith(base)) {
        out.add(p);
      }
    }
    out.add(base);
    return out;
  }

  /** The group path of a controller in /proc/self/cgroup ({@code 0::/x} for v2). */
  private String ownGroup(String controller) throws IOException {
    if (selfCgroup == null || !Files.isRegularFile(selfCgroup)) {
      return null;
    }
    for (String line : Files.readAllLines(selfCgroup, StandardCharsets.UTF_8)) {
      String[] parts = line.split(":", 3);
      if (parts.length < 3) {
        continue;
      }
      if (controller.isEmpty() ? parts[0].equals("0") && parts[1].isEmpty()
          : List.of(parts[1].split(",")).contains(controller)) {
        return parts[2].startsWith("/") ? parts[2] : "/" + parts[2];
      }
    }
    return null;
  }

  private static String readFirstLine(Path file) throws IOException {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return null;
    }
    try (var reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
      String line = reader.readLine();
      return line == null ? null : line.trim();
    }
  }

  /** A number, or {@code null} for "max", "-1", v1's unlimited value or anything unparsable. */
  static Long parseLimit(String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.isEmpty() || v.equals("max")) {
      return null;
    }
    try {
      long n = Long.parseLong(v);
      return n < 0 || n >= V1_UNLIMITED ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
