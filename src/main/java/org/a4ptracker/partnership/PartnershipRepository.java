package org.a4ptracker.partnership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.a4ptracker.platform.http.ProblemException;
import org.a4ptracker.platform.persistence.Keyset;
import org.a4ptracker.platform.security.CallerScope;

@ApplicationScoped
public class PartnershipRepository implements PanacheRepositoryBase<PartnershipEntity, UUID> {

    record Filter(
            String mission,
            String country,
            PartnershipEntity.Status status,
            PartnershipEntity.AgreementType agreementType) {}

    /**
     * A partnership the caller may see, or 404: one of a mission outside the caller's scope does
     * not exist for them.
     */
    PartnershipEntity require(UUID id, CallerScope scope) {
        PartnershipEntity partnership = findById(id);
        if (partnership == null || !scope.sees(partnership.missionAcronym)) {
            throw ProblemException.notFound("No host-country partnership " + id + ".");
        }
        return partnership;
    }

    /** Ordered by mission acronym, then country code (unique together). */
    Keyset.Page<PartnershipEntity> page(Filter filter, CallerScope scope, Keyset keyset) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!scope.seesAll()) {
            where.add("missionAcronym in :visible");
            params.and("visible", scope.missions());
        }
        if (filter.mission() != null) {
            where.add("missionAcronym = :mission");
            params.and("mission", filter.mission());
        }
        if (filter.country() != null) {
            where.add("countryCode = :country");
            params.and("country", filter.country());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.agreementType() != null) {
            where.add("agreementType = :agreementType");
            params.and("agreementType", filter.agreementType());
        }
        if (!keyset.firstPage()) {
            // The first condition bounds the index range: a deep page starts where the last
            // stopped.
            where.add(
                    "missionAcronym >= :kMission and (missionAcronym > :kMission or countryCode > :kCountry)");
            params.and("kMission", keyset.after(0)).and("kCountry", keyset.after(1));
        }
        String order = "order by missionAcronym, countryCode";
        String query = where.isEmpty() ? order : String.join(" and ", where) + " " + order;
        List<PartnershipEntity> rows = find(query, params).range(0, keyset.fetchSize() - 1).list();
        return keyset.page(rows, p -> List.of(p.missionAcronym, p.countryCode));
    }

    boolean exists(String mission, String country) {
        return count("missionAcronym = ?1 and countryCode = ?2", mission, country) > 0;
    }
}
