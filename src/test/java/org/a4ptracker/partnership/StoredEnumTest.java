package org.a4ptracker.partnership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.a4ptracker.api.model.AgreementType;
import org.a4ptracker.api.model.BenchmarkStatus;
import org.a4ptracker.api.model.CommitmentArea;
import org.a4ptracker.api.model.CommitmentOwner;
import org.a4ptracker.api.model.CommitmentStatus;
import org.a4ptracker.api.model.PartnershipStatus;
import org.a4ptracker.api.model.TransitionPhase;
import org.a4ptracker.api.model.ViolationPerpetrator;
import org.a4ptracker.api.model.ViolationRaisedThrough;
import org.a4ptracker.api.model.ViolationStatus;
import org.a4ptracker.api.model.ViolationType;
import org.a4ptracker.partnership.CommitmentEntity.Status;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.junit.jupiter.api.Test;

/** The feature's closed sets: stored as the contract spells them, in columns and in JSON alike. */
class StoredEnumTest {

    @Test
    void everySetHoldsExactlyTheContractsValuesInOrder() {
        Map<Class<? extends StoredEnum>, Object[]> pairs =
                Map.ofEntries(
                        Map.entry(PartnershipEntity.Status.class, PartnershipStatus.values()),
                        Map.entry(PartnershipEntity.AgreementType.class, AgreementType.values()),
                        Map.entry(PartnershipEntity.Phase.class, TransitionPhase.values()),
                        Map.entry(
                                PartnershipEntity.BenchmarkStatus.class, BenchmarkStatus.values()),
                        Map.entry(CommitmentEntity.Status.class, CommitmentStatus.values()),
                        Map.entry(CommitmentEntity.Area.class, CommitmentArea.values()),
                        Map.entry(CommitmentEntity.Owner.class, CommitmentOwner.values()),
                        Map.entry(ViolationEntity.Type.class, ViolationType.values()),
                        Map.entry(ViolationEntity.Perpetrator.class, ViolationPerpetrator.values()),
                        Map.entry(ViolationEntity.Channel.class, ViolationRaisedThrough.values()),
                        Map.entry(ViolationEntity.Status.class, ViolationStatus.values()));
        pairs.forEach(
                (stored, api) ->
                        assertEquals(
                                Arrays.stream(api).map(Object::toString).toList(),
                                Arrays.stream(stored.getEnumConstants())
                                        .map(StoredEnum::value)
                                        .toList(),
                                stored.getName()));
    }

    @Test
    void theConverterWritesAndReadsTheExactText() {
        var converter = new CommitmentEntity.StatusText();
        assertEquals("in_progress", converter.convertToDatabaseColumn(Status.IN_PROGRESS));
        assertEquals(Status.IN_PROGRESS, converter.convertToEntityAttribute("in_progress"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> converter.convertToEntityAttribute("IN_PROGRESS"));
        assertEquals(
                ViolationEntity.Channel.NOTE_VERBALE,
                StoredEnum.fromApi(
                        ViolationEntity.Channel.class, ViolationRaisedThrough.NOTE_VERBALE));
    }

    @Test
    void benchmarksKeepTheirStoredJsonShape() throws Exception {
        // As DatabaseJsonFormat writes JSON columns.
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        String stored =
                "{\"indicator\":\"Provinces handed over\",\"target\":\"3 of 3\",\"currentValue\":\"1 of 3\",\"status\":\"at_risk\"}";
        var benchmark =
                new PartnershipEntity.BenchmarkData(
                        "Provinces handed over",
                        "3 of 3",
                        "1 of 3",
                        PartnershipEntity.BenchmarkStatus.AT_RISK);
        assertEquals(stored, json.writeValueAsString(benchmark));
        assertEquals(benchmark, json.readValue(stored, PartnershipEntity.BenchmarkData.class));
    }

    @Test
    void commitmentsMoveForwardOnlyAndEndFinal() {
        assertEquals(List.of(Status.IN_PROGRESS, Status.DROPPED), Status.PLANNED.next());
        assertEquals(List.of(Status.MET, Status.MISSED, Status.DROPPED), Status.IN_PROGRESS.next());
        for (Status last : List.of(Status.MET, Status.MISSED, Status.DROPPED)) {
            assertEquals(List.of(), last.next(), last.name());
        }
    }
}
