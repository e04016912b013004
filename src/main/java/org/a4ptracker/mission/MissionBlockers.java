package org.a4ptracker.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What other records hang on a mission: they block its deletion and constrain its dates. */
@ApplicationScoped
class MissionBlockers {

    private final EntityManager em;

    MissionBlockers(EntityManager em) {
        this.em = em;
    }

    /** Human-readable counts of the records that keep a mission from being deleted. */
    List<String> describe(String acronym) {
        List<String> blocking = new ArrayList<>();
        long assessments = ((Number) em.createNativeQuery("SELECT count(*) FROM assessment WHERE mission_acronym = :m")
                .setParameter("m", acronym).getSingleResult()).longValue();
        if (assessments > 0) {
            blocking.add(assessments + " assessment(s)");
        }
        long cases = ((Number) em.createNativeQuery("SELECT count(*) FROM accountability_case WHERE mission_acronym = :m")
                .setParameter("m", acronym).getSingleResult()).longValue();
        if (cases > 0) {
            blocking.add(cases + " accountability case(s)");
        }
        return blocking;
    }

    long assessmentsOutside(String acronym, LocalDate start, LocalDate end) {
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM assessment
                         WHERE mission_acronym = :m
                           AND (period_start + interval '3 months' - interval '1 day' < :start
                                OR period_start > :end)""")
                .setParameter("m", acronym)
                .setParameter("start", start)
                .setParameter("end", end == null ? LocalDate.of(9999, 12, 31) : end)
                .getSingleResult()).longValue();
    }
}
