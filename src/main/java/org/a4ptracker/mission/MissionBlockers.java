package org.a4ptracker.mission;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** What other records hang on a mission: they block its deletion and constrain its dates. */
@ApplicationScoped
class MissionBlockers {

    private final EntityManager em;

    MissionBlockers(EntityManager em) {
        this.em = em;
    }

    /** Tables whose rows belong to a mission, with how a count of them reads. */
    private static final Map<String, String> DEPENDENTS = new LinkedHashMap<>();

    static {
        DEPENDENTS.put("assessment", "assessment(s)");
        DEPENDENTS.put("accountability_case", "accountability case(s)");
        DEPENDENTS.put("host_country_partnership", "host-country partnership(s)");
    }

    /** Human-readable counts of the records that keep a mission from being deleted. */
    List<String> describe(String acronym) {
        List<String> blocking = new ArrayList<>();
        DEPENDENTS.forEach((table, label) -> {
            long count = ((Number) em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE mission_acronym = :m")
                    .setParameter("m", acronym).getSingleResult()).longValue();
            if (count > 0) {
                blocking.add(count + " " + label);
            }
        });
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
