package dev.reprokit.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reprokit.internal.env.CgroupReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLimitsTest {

  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  @Test
  void cgroupV2LimitsAreReadFromTheProcessOwnGroup() throws IOException {
    write("sys/cgroup.controllers", "cpu memory pids\n");
    write("sys/memory.max", "max\n");
    write("sys/kubepods/pod1/memory.max", "536870912\n");
    write("sys/kubepods/pod1/cpu.max", "150000 100000\n");
    Path self = write("proc/self/cgroup", "0::/kubepods/pod1\n");

    ContainerInfo info = new CgroupReader(dir.resolve("sys"), self).read();

    assertThat(info).isEqualTo(new ContainerInfo("v2", 536_870_912L, 150_000L, 100_000L, 1.5));
  }

  @Test
  void cgroupV2AtTheNamespaceRootAsInsideAContainer() throws IOException {
    write("sys/cgroup.controllers", "cpu memory\n");
    write("sys/memory.max", "1073741824\n");
    write("sys/cpu.max", "max 100000\n");
    Path self = write("proc/self/cgroup", "0::/\n");

    ContainerInfo info = new CgroupReader(dir.resolve("sys"), self).read();

    assertThat(info).isEqualTo(new ContainerInfo("v2", 1_073_741_824L, null, null, null));
  }

  @Test
  void cgroupV2WithoutLimitsMeansNoContainerInfo() throws IOException {
    write("sys/cgroup.controllers", "cpu memory\n");
    write("sys/memory.max", "max\n");
    write("sys/cpu.max", "max 100000\n");

    assertThat(new CgroupReader(dir.resolve("sys"), dir.resolve("proc/self/cgroup")).read())
        .isNull();
  }

  @Test
  void cgroupV1LimitsAreReadPerController() throws IOException {
    write("sys/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/memory/docker/abc/memory.limit_in_bytes", "268435456\n");
    write("sys/cpu/cpu.cfs_quota_us", "50000\n");
    write("sys/cpu/cpu.cfs_period_us", "100000\n");
    Path self = write("proc/self/cgroup",
        "4:memory:/docker/abc\n3:cpu,cpuacct:/\n0::/\n");

    ContainerInfo info = new CgroupReader(dir.resolve("sys"), self).read();

    assertThat(info).isEqualTo(new ContainerInfo("v1", 268_435_456L, 50_000L, 100_000L, 0.5));
  }

  @Test
  void cgroupV1UnlimitedValuesMeanNoContainerInfo() throws IOException {
    write("sys/memory/memory.limit_in_bytes", "9223372036854771712\n");
    write("sys/cpu/cpu.cfs_quota_us", "-1\n");
    write("sys/cpu/cpu.cfs_period_us", "100000\n");

    assertThat(new CgroupReader(dir.resolve("sys"), null).read()).isNull();
  }

  @Test
  void missingOrGarbledCgroupFilesMeanNoContainerInfo() throws IOException {
    assertThat(new CgroupReader(dir.resolve("nothing-here"), dir.resolve("nope")).read()).isNull();

    write("sys/cgroup.controllers", "cpu memory\n");
    write("sys/memory.max", "lots\n");
    write("sys/cpu.max", "\n");
    assertThat(new CgroupReader(dir.resolve("sys"), null).read()).isNull();
  }

  @Test
  void escapingGroupPathIsNotFollowed() throws IOException {
    write("sys/cgroup.controllers", "memory\n");
    write("secret/memory.max", "12345\n");
    Path self = write("proc/self/cgroup", "0::/../secret\n");

    assertThat(new CgroupReader(dir.resolve("sys"), self).read()).isNull();
  }
}
