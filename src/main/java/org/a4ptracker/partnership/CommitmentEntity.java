package org.a4ptracker.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;
import org.hibernate.envers.Audited;

/**
 * A joint commitment of a partnership (safety and security, performance, transition...). Whether it
 * is overdue is the database function {@code partnership_commitment_overdue} (V9), which every
 * query and every single commitment read ask.
 */
@Entity
@Table(name = "partnership_commitment")
@Audited
public class CommitmentEntity extends VersionedEntity {

    enum Status implements StoredEnum {
        PLANNED,
        IN_PROGRESS,
        MET,
        MISSED,
        DROPPED;

        /** The legal moves from this status; met, missed and dropped are final. */
        List<Status> next() {
            return switch (this) {
                case PLANNED -> List.of(IN_PROGRESS, DROPPED);
                case IN_PROGRESS -> List.of(MET, MISSED, DROPPED);
                case MET, MISSED, DROPPED -> List.of();
            };
        }
    }

    enum Area implements StoredEnum {
        SAFETY_AND_SECURITY,
        PERFORMANCE,
        TRANSITION,
        ACCOUNTABILITY,
        OTHER
    }

    enum Owner implements StoredEnum {
        MISSION,
        HOST_GOVERNMENT,
        JOINT
    }

    @Id @GeneratedValue public UUID id;

    @Column(name = "partnership_id", updatable = false)
    public UUID partnershipId;

    public String description;

    @Convert(converter = AreaText.class)
    public Area area;

    @Column(name = "priority_code")
    public String priorityCode;

    @Convert(converter = OwnerText.class)
    public Owner owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Convert(converter = StatusText.class)
    public Status status;

    public static class StatusText extends StoredEnum.Converter<Status> {
        public StatusText() {
            super(Status.class);
        }
    }

    public static class AreaText extends StoredEnum.Converter<Area> {
        public AreaText() {
            super(Area.class);
        }
    }

    public static class OwnerText extends StoredEnum.Converter<Owner> {
        public OwnerText() {
            super(Owner.class);
        }
    }
}
