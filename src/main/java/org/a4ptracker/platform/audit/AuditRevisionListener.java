package org.a4ptracker.platform.audit;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import org.hibernate.envers.RevisionListener;

/** Stamps each revision with the caller and the reason the request gave, if any. */
public class AuditRevisionListener implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        AuditRevision audit = (AuditRevision) revision;
        var container = Arc.container();
        SecurityIdentity identity = container.instance(SecurityIdentity.class).get();
        audit.actor =
                identity == null || identity.isAnonymous()
                        ? "system"
                        : identity.getPrincipal().getName();
        if (container.requestContext().isActive()) {
            audit.reason = container.instance(AuditReason.class).get().get();
        }
    }
}
