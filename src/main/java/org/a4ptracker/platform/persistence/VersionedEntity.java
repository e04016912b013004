package org.a4ptracker.platform.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.envers.Audited;

/**
 * What every editable record carries: the version behind its ETag and when it was created and last
 * changed. Audited so that a past revision of an audited record shows its timestamps too (Envers
 * leaves the version out: it is the optimistic-locking field).
 */
@MappedSuperclass
@Audited
public abstract class VersionedEntity {

    @Version public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
