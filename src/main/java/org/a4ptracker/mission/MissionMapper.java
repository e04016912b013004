package org.a4ptracker.mission;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.a4ptracker.api.model.Mandate;
import org.a4ptracker.api.model.Mission;
import org.a4ptracker.api.model.MissionCreate;
import org.a4ptracker.api.model.MissionName;
import org.a4ptracker.api.model.MissionStatus;
import org.a4ptracker.api.model.MissionUpdate;
import org.a4ptracker.platform.persistence.StoredEnum;

/** Between stored missions and the API's models, both ways. */
final class MissionMapper {

    private MissionMapper() {}

    static Mission toApi(MissionEntity m) {
        return new Mission()
                .acronym(m.acronym)
                .name(new MissionName().en(m.nameEn).fr(m.nameFr))
                .hostCountries(Arrays.asList(m.hostCountries))
                .hostTerritory(m.hostTerritory)
                .startDate(m.startDate)
                .endDate(m.endDate)
                .mandate(mandate(m))
                .headquarters(m.headquarters)
                .status(status(m.status))
                .createdAt(m.createdAt.withOffsetSameInstant(ZoneOffset.UTC))
                .updatedAt(m.updatedAt.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static MissionLookup.Mission toLookup(MissionEntity m) {
        return new MissionLookup.Mission(m.acronym, m.nameEn, List.of(m.hostCountries));
    }

    /** The mission as a full replacement of itself: what a merge patch applies to. */
    static MissionUpdate toUpdate(MissionEntity m) {
        return new MissionUpdate()
                .name(new MissionName().en(m.nameEn).fr(m.nameFr))
                .hostCountries(new LinkedHashSet<>(Arrays.asList(m.hostCountries)))
                .hostTerritory(m.hostTerritory)
                .startDate(m.startDate)
                .endDate(m.endDate)
                .mandate(mandate(m))
                .headquarters(m.headquarters)
                .status(status(m.status));
    }

    /** A creation as the replacement it amounts to; its status may be absent. */
    static MissionUpdate toUpdate(MissionCreate input) {
        return new MissionUpdate()
                .name(input.getName())
                .hostCountries(input.getHostCountries())
                .hostTerritory(input.getHostTerritory())
                .startDate(input.getStartDate())
                .endDate(input.getEndDate())
                .mandate(input.getMandate())
                .headquarters(input.getHeadquarters())
                .status(input.getStatus());
    }

    /** Writes what the input says into the mission. */
    static void apply(MissionUpdate input, MissionEntity mission) {
        mission.nameEn = input.getName().getEn();
        mission.nameFr = input.getName().getFr();
        mission.hostCountries = input.getHostCountries().toArray(String[]::new);
        mission.hostTerritory = input.getHostTerritory();
        mission.startDate = input.getStartDate();
        mission.endDate = input.getEndDate();
        mission.mandateResolution =
                input.getMandate() == null ? null : input.getMandate().getResolution();
        mission.mandateAdoptedOn =
                input.getMandate() == null ? null : input.getMandate().getAdoptedOn();
        mission.headquarters = input.getHeadquarters();
        mission.status = status(input.getStatus());
    }

    static MissionEntity.Status status(MissionStatus status) {
        return StoredEnum.fromApi(MissionEntity.Status.class, status);
    }

    private static MissionStatus status(MissionEntity.Status status) {
        return MissionStatus.fromValue(status.value());
    }

    private static Mandate mandate(MissionEntity m) {
        return m.mandateResolution == null
                ? null
                : new Mandate().resolution(m.mandateResolution).adoptedOn(m.mandateAdoptedOn);
    }
}
