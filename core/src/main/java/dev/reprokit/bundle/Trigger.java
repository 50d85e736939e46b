package dev.reprokit.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.reprokit.TriggerKind;

/**
 * Why a bundle was written.
 *
 * @param kind the trigger kind
 * @param reason the reason in words
 * @param ticket a ticket reference, or {@code null}
 * @param scopeId the scope the bundle was cut for, or {@code null} for all events
 * @param failure {@code type: message} of the failure, or {@code null}
 * @param suppressedDuplicates how many identical failures storm control folded into this one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Trigger(
    TriggerKind kind,
    String reason,
    String ticket,
    String scopeId,
    String failure,
    long suppressedDuplicates) {}
