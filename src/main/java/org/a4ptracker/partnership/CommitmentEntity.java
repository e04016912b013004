package org.a4ptracker.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.a4ptracker.platform.persistence.VersionedEntity;

/** A joint commitment of a partnership (safety and security, performance, transition...). */
@Entity
@Table(name = "partnership_commitment")
@Audited
public class CommitmentEntity extends VersionedEntity {

    /** The statuses still open: a commitment in one of them past its due date is overdue. */
    static final List<String> OPEN = List.of("planned", "in_progress");

    /** Legal status moves; met, missed and dropped are final. */
    static final Map<String, List<String>> TRANSITIONS = Map.of(
            "planned", List.of("in_progress", "dropped"),
            "in_progress", List.of("met", "missed", "dropped"),
            "met", List.of(),
            "missed", List.of(),
            "dropped", List.of());

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "partnership_id", updatable = false)
    public UUID partnershipId;

    public String description;

    public String area;

    @Column(name = "priority_code")
    public String priorityCode;

    public String owner;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String status;

    boolean overdueOn(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && OPEN.contains(status);
    }
}
