package org.a4ptracker.common;

import jakarta.enterprise.context.RequestScoped;

/** The reason a request gives for what it changes (a transition's reason), for the audit revision. */
@RequestScoped
public class AuditReason {

    private String reason;

    public void set(String reason) {
        this.reason = reason;
    }

    public String get() {
        return reason;
    }
}
