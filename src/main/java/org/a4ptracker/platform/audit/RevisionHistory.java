package org.a4ptracker.platform.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.a4ptracker.api.model.HistoryEntry;
import org.a4ptracker.platform.persistence.Keyset;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.AuditQuery;

/**
 * The history of every audited record, one way: the Envers revisions of one record, oldest first
 * and paged by revision number in SQL, each with the API members it changed (names only, never
 * values).
 */
@ApplicationScoped
public class RevisionHistory {

    /**
     * How a feature shows its record in a history.
     *
     * @param members the record's API members by name, compared between revisions to tell which
     *     changed
     * @param status the record's status after a revision, as the contract spells it
     * @param visible which member names the caller may learn of
     */
    public record View<E>(
            Function<E, Map<String, Object>> members,
            Function<E, String> status,
            Predicate<String> visible) {}

    private final EntityManager em;

    RevisionHistory(EntityManager em) {
        this.em = em;
    }

    /** One page of the revisions of the record {@code id} of the audited type. */
    public <E> Keyset.Page<HistoryEntry> page(
            Class<E> type, Object id, View<E> view, Keyset keyset) {
        AuditReader reader = AuditReaderFactory.get(em);
        long after = keyset.firstPage() ? Long.MIN_VALUE : keyset.afterLong(0);
        List<Number> numbers =
                revisions(reader, type, id, after, keyset.fetchSize())
                        .addProjection(AuditEntity.revisionNumber())
                        .getResultList();
        List<RevisionType> types =
                revisions(reader, type, id, after, keyset.fetchSize())
                        .addProjection(AuditEntity.revisionType())
                        .getResultList();
        List<E> states =
                typed(type, revisions(reader, type, id, after, keyset.fetchSize()).getResultList());
        Map<Long, AuditRevision> meta =
                AuditRevision.byId(em, numbers.stream().map(Number::longValue).toList());

        Map<String, Object> before =
                keyset.firstPage() ? Map.of() : stateAtOrBefore(reader, type, id, after, view);
        List<HistoryEntry> entries = new ArrayList<>();
        int count = Math.min(numbers.size(), Math.min(types.size(), states.size()));
        for (int i = 0; i < count; i++) {
            E state = states.get(i);
            RevisionType revisionType = types.get(i);
            Map<String, Object> members =
                    revisionType == RevisionType.DEL ? Map.of() : view.members().apply(state);
            Map<String, Object> previous = before;
            List<String> changed =
                    members.keySet().stream()
                            .filter(name -> !Objects.equals(previous.get(name), members.get(name)))
                            .filter(view.visible())
                            .toList();
            AuditRevision revision = meta.get(numbers.get(i).longValue());
            entries.add(
                    new HistoryEntry()
                            .revision(revision.id)
                            .at(revision.at.atOffset(ZoneOffset.UTC))
                            .actor(revision.actor)
                            .change(
                                    switch (revisionType) {
                                        case ADD -> HistoryEntry.ChangeEnum.CREATED;
                                        case MOD -> HistoryEntry.ChangeEnum.UPDATED;
                                        case DEL -> HistoryEntry.ChangeEnum.DELETED;
                                    })
                            .changedFields(changed)
                            .status(
                                    revisionType == RevisionType.DEL
                                            ? null
                                            : view.status().apply(state))
                            .reason(revision.reason));
            before = members;
        }
        return keyset.page(entries, e -> List.of(String.valueOf(e.getRevision())));
    }

    /**
     * The record as it stood at {@code instant}: empty if it did not exist yet, or had been
     * deleted.
     */
    public <E> Optional<E> stateAt(Class<E> type, Object id, Instant instant) {
        AuditReader reader = AuditReaderFactory.get(em);
        Number revision =
                (Number)
                        reader.createQuery()
                                .forRevisionsOfEntity(type, true, true)
                                .addProjection(AuditEntity.revisionNumber().max())
                                .add(AuditEntity.id().eq(id))
                                .add(AuditEntity.revisionProperty("at").le(instant))
                                .getSingleResult();
        return revision == null
                ? Optional.empty()
                : Optional.ofNullable(reader.find(type, id, revision));
    }

    /**
     * The revisions after {@code after}, oldest first, at most {@code max}: one query per
     * projection.
     */
    private static AuditQuery revisions(
            AuditReader reader, Class<?> type, Object id, long after, int max) {
        return reader.createQuery()
                .forRevisionsOfEntity(type, true, true)
                .add(AuditEntity.id().eq(id))
                .add(AuditEntity.revisionNumber().gt(after))
                .addOrder(AuditEntity.revisionNumber().asc())
                .setMaxResults(max);
    }

    /**
     * The members as they stood before a page, so that its first entry is compared with the right
     * state.
     */
    private <E> Map<String, Object> stateAtOrBefore(
            AuditReader reader, Class<E> type, Object id, long revision, View<E> view) {
        List<E> last =
                typed(
                        type,
                        reader.createQuery()
                                .forRevisionsOfEntity(type, true, true)
                                .add(AuditEntity.id().eq(id))
                                .add(AuditEntity.revisionNumber().le(revision))
                                .add(AuditEntity.revisionType().ne(RevisionType.DEL))
                                .addOrder(AuditEntity.revisionNumber().desc())
                                .setMaxResults(1)
                                .getResultList());
        return last.isEmpty() ? Map.of() : view.members().apply(last.get(0));
    }

    private static <E> List<E> typed(Class<E> type, List<?> rows) {
        return rows.stream().map(type::cast).toList();
    }
}
