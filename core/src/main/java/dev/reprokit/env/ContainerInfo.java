package dev.reprokit.env;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Resource limits a container (or any control group) puts on the process, as the cgroup
 * files show them: cgroup v2 {@code memory.max} and {@code cpu.max}, else cgroup v1
 * {@code memory.limit_in_bytes} and {@code cpu.cfs_quota_us}/{@code cpu.cfs_period_us}. The
 * environment has no {@code ContainerInfo} at all when no limit is set or no cgroup file is
 * readable. Immutable and thread-safe.
 *
 * @param cgroupVersion {@code v2} or {@code v1}
 * @param memoryLimitBytes the memory limit, or {@code null} when unlimited
 * @param cpuQuotaMicros CPU time allowed per period, or {@code null} when unlimited
 * @param cpuPeriodMicros the period the quota applies to, or {@code null}
 * @param cpuLimit quota divided by period: how many CPUs' worth of time, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerInfo(
    String cgroupVersion,
    Long memoryLimitBytes,
    Long cpuQuotaMicros,
    Long cpuPeriodMicros,
    Double cpuLimit) {}
