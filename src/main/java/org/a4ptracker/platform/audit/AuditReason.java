package org.a4ptracker.platform.audit;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.RequestScoped;

/**
 * The reason a request gives for what it changes (a transition's reason), for the audit revision.
 */
@RequestScoped
@Unremovable // looked up programmatically by AuditRevisionListener: ArC must not drop it when
// nothing injects it
public class AuditReason {

    private String reason;

    public void set(String reason) {
        this.reason = reason;
    }

    public String get() {
        return reason;
    }
}
