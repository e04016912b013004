package org.a4ptracker.partnership;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.persistence.VersionedEntity;
import org.hibernate.envers.Audited;

/** A violation of the status-of-forces (or status-of-mission) agreement and its follow-up. */
@Entity
@Table(name = "partnership_violation")
@Audited
public class ViolationEntity extends VersionedEntity {

    enum Type implements StoredEnum {
        MOVEMENT_RESTRICTION_LAND,
        MOVEMENT_RESTRICTION_AIR,
        MOVEMENT_RESTRICTION_RIVER,
        DENIAL_OF_ACCESS,
        ARREST_OR_DETENTION,
        HARASSMENT_OR_ASSAULT,
        THREAT,
        IMPOUNDMENT,
        IMPORT_CUSTOMS_OBSTRUCTION,
        FLIGHT_CLEARANCE_DENIAL,
        VISA_DENIAL,
        OTHER
    }

    enum Perpetrator implements StoredEnum {
        GOVERNMENT_FORCES,
        NON_STATE_ACTOR,
        UNKNOWN
    }

    enum Channel implements StoredEnum {
        NOTE_VERBALE,
        MEETING,
        LETTER
    }

    enum Status implements StoredEnum {
        RECORDED,
        RAISED,
        RESOLVED,
        UNRESOLVED;

        /** The statuses that still need follow-up. */
        static final Set<Status> OPEN = EnumSet.of(RECORDED, RAISED, UNRESOLVED);
    }

    @Id @GeneratedValue public UUID id;

    @Column(name = "partnership_id", updatable = false)
    public UUID partnershipId;

    @Column(name = "occurred_on")
    public LocalDate occurredOn;

    @Convert(converter = TypeText.class)
    public Type type;

    @Convert(converter = PerpetratorText.class)
    public Perpetrator perpetrator;

    public String location;

    public String description;

    @Column(name = "raised_through")
    @Convert(converter = ChannelText.class)
    public Channel raisedThrough;

    @Convert(converter = StatusText.class)
    public Status status;

    @Column(name = "resolution_date")
    public LocalDate resolutionDate;

    @Column(name = "resolution_note")
    public String resolutionNote;

    public static class TypeText extends StoredEnum.Converter<Type> {
        public TypeText() {
            super(Type.class);
        }
    }

    public static class PerpetratorText extends StoredEnum.Converter<Perpetrator> {
        public PerpetratorText() {
            super(Perpetrator.class);
        }
    }

    public static class ChannelText extends StoredEnum.Converter<Channel> {
        public ChannelText() {
            super(Channel.class);
        }
    }

    public static class StatusText extends StoredEnum.Converter<Status> {
        public StatusText() {
            super(Status.class);
        }
    }
}
