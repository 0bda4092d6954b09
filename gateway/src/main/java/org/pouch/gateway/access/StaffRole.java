package org.pouch.gateway.access;

/**
 * What a member of staff may do on the management port. Least privilege: auditors read the log,
 * officers manage keys and certificates, operators watch queues and replay dead letters. Nobody deletes
 * log entries.
 */
public enum StaffRole {
    OFFICER,
    AUDITOR,
    OPERATOR
}
