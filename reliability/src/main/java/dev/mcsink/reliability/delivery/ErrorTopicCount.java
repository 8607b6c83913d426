package dev.mcsink.reliability.delivery;

/**
 * One error topic as read: all its records, and those naming a record of the checked topic as
 * their origin (counted with repeats; the per-partition figures count distinct offsets).
 */
public record ErrorTopicCount(String errorTopic, long records, long fromCheckedTopic) {}
