package org.a4ptracker.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.a4ptracker.api.model.EventData;
import org.a4ptracker.api.model.EventType;
import org.a4ptracker.platform.http.ETags;
import org.a4ptracker.platform.http.Versioned;

/**
 * What a feature calls to put a change in the feed: one event per committed change, written in the
 * changing transaction (so a rolled-back change writes none). The event names the record and which
 * of its fields changed, never their values: consumers read the record through its own path.
 */
@ApplicationScoped
public class ChangeEvents {

    /** The ids and mission of a changed record, as the event's {@code data} carries them. */
    public record Subject(String path, String missionAcronym, EventData ids) {}

    /** Fields that change with every write; not worth naming. */
    private static final Set<String> BOOKKEEPING = Set.of("updated_at");

    private final EventRepository events;
    private final EventSignal signal;
    private final ObjectMapper json;

    ChangeEvents(EventRepository events, EventSignal signal, ObjectMapper json) {
        this.events = events;
        this.signal = signal;
        this.json = json;
    }

    /**
     * The API view of a record before it changes, to compare with the view after it ({@link
     * #changedFields}).
     */
    public JsonNode snapshot(Object view) {
        return json.valueToTree(view);
    }

    /**
     * The fields that differ between two views of a record, by JSON name; members of nested objects
     * (a case's {@code misconduct}) as {@code parent.member}; {@code updated_at} is left out. With
     * no {@code before}, every field the record has.
     */
    public List<String> changedFields(JsonNode before, Object after) {
        List<String> changed = new ArrayList<>();
        collect("", before, json.valueToTree(after), 2, changed);
        return changed;
    }

    /**
     * Records the creation of {@code subject}, shown as {@code created}; answers {@code created}.
     */
    public <T> Versioned<T> created(EventType type, Subject subject, Versioned<T> created) {
        record(type, subject, changedFields(null, created.body()), created.version());
        return created;
    }

    /**
     * Records a change of {@code subject} from {@code before} (its {@link #snapshot}) to {@code
     * after}, if any field changed; answers {@code after}.
     */
    public <T> Versioned<T> updated(
            EventType type, Subject subject, JsonNode before, Versioned<T> after) {
        List<String> changed = changedFields(before, after.body());
        if (!changed.isEmpty()) {
            record(type, subject, changed, after.version());
        }
        return after;
    }

    public void deleted(EventType type, Subject subject) {
        record(type, subject, List.of(), null);
    }

    /** Writes the event of a change of {@code subject}; {@code version} is null for a delete. */
    public void record(EventType type, Subject subject, List<String> changedFields, Long version) {
        EventData data =
                copyIds(subject.ids())
                        .missionAcronym(subject.missionAcronym())
                        .changedFields(changedFields)
                        .etag(version == null ? null : ETags.of(version));
        try {
            events.insert(
                    type.toString(),
                    subject.path(),
                    subject.missionAcronym(),
                    json.writeValueAsString(data));
            signal.onCommit();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("An event's data cannot be written as JSON", e);
        }
    }

    private EventData copyIds(EventData ids) {
        return new EventData()
                .priorityCode(ids.getPriorityCode())
                .indicatorId(ids.getIndicatorId())
                .assessmentId(ids.getAssessmentId())
                .caseId(ids.getCaseId())
                .partnershipId(ids.getPartnershipId())
                .commitmentId(ids.getCommitmentId())
                .violationId(ids.getViolationId());
    }

    private static void collect(
            String prefix, JsonNode before, JsonNode after, int depth, List<String> changed) {
        List<String> names = new ArrayList<>();
        after.fieldNames().forEachRemaining(names::add);
        if (before != null) {
            for (Iterator<String> it = before.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!after.has(name)) {
                    names.add(name);
                }
            }
        }
        for (String name : names) {
            JsonNode was = before == null ? null : before.get(name);
            JsonNode now = after.get(name);
            if (isNull(was) && isNull(now)
                    || Objects.equals(was, now)
                    || BOOKKEEPING.contains(prefix + name)) {
                continue;
            }
            if (depth > 1 && now instanceof ObjectNode && (was == null || was.isObject())) {
                collect(prefix + name + ".", was, now, depth - 1, changed);
            } else {
                changed.add(prefix + name);
            }
        }
    }

    private static boolean isNull(JsonNode node) {
        return node == null || node.isNull();
    }

    /** The ids of a record for {@link Subject}; a fresh {@link EventData} to fill. */
    public static EventData ids() {
        return new EventData();
    }
}
