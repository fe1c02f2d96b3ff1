package dev.leadtrail.activity;

import dev.leadtrail.user.UserId;
import java.time.Instant;

/** A file attached to an activity: {@code fileName} is the stored name of a file of its org. */
public record Attachment(
    String id,
    ActivityId activityId,
    String name,
    String description,
    String fileName,
    Instant createdAt,
    UserId createdBy) {}
