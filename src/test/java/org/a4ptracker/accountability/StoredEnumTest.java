package org.a4ptracker.accountability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.a4ptracker.api.model.AgeGroup;
import org.a4ptracker.api.model.AssistanceType;
import org.a4ptracker.api.model.CaseKind;
import org.a4ptracker.api.model.CaseRead;
import org.a4ptracker.api.model.CaseStatus;
import org.a4ptracker.api.model.CrimeType;
import org.a4ptracker.api.model.DatePrecision;
import org.a4ptracker.api.model.FinalActionType;
import org.a4ptracker.api.model.InterimActionType;
import org.a4ptracker.api.model.InvestigatingEntity;
import org.a4ptracker.api.model.MisconductCategory;
import org.a4ptracker.api.model.PaternityStatus;
import org.a4ptracker.api.model.PersonnelCategory;
import org.a4ptracker.api.model.SeaSubtype;
import org.a4ptracker.api.model.SeaType;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.api.model.VictimSex;
import org.a4ptracker.platform.persistence.StoredEnum;
import org.a4ptracker.platform.security.ReadLog;
import org.junit.jupiter.api.Test;

/**
 * The stored closed sets of a case spell exactly what the contract spells (the mappers convert by
 * that text, and stored rows and history keep it), and their converters store that text.
 */
class StoredEnumTest {

    @Test
    void everyStoredSetHasExactlyTheContractsValues() {
        assertSameValues(CaseEntity.Kind.class, CaseKind.values());
        assertSameValues(CaseEntity.Status.class, CaseStatus.values());
        assertSameValues(CaseEntity.DatePrecision.class, DatePrecision.values());
        assertSameValues(CaseEntity.Category.class, MisconductCategory.values());
        assertSameValues(CaseEntity.SeaType.class, SeaType.values());
        assertSameValues(CaseEntity.SeaSubtype.class, SeaSubtype.values());
        assertSameValues(CaseEntity.PersonnelCategory.class, PersonnelCategory.values());
        assertSameValues(CaseEntity.CrimeType.class, CrimeType.values());
        assertSameValues(CaseRecords.Sex.class, VictimSex.values());
        assertSameValues(CaseRecords.AgeGroup.class, AgeGroup.values());
        assertSameValues(CaseRecords.AssistanceType.class, AssistanceType.values());
        assertSameValues(CaseRecords.InvestigatingEntity.class, InvestigatingEntity.values());
        assertSameValues(CaseRecords.InterimActionType.class, InterimActionType.values());
        assertSameValues(CaseRecords.FinalActionType.class, FinalActionType.values());
        assertSameValues(CaseRecords.PaternityStatus.class, PaternityStatus.values());
        assertSameValues(ReadLog.View.class, CaseRead.ViewEnum.values());
        assertSameValues(CaseStatisticsQueries.Dimension.class, StatisticsDimension.values());
    }

    @Test
    void aConverterStoresTheExactText() {
        var converter = new CaseEntity.Kind.Converter();
        assertEquals(
                "crime_against_peacekeepers",
                converter.convertToDatabaseColumn(CaseEntity.Kind.CRIME_AGAINST_PEACEKEEPERS));
        assertEquals(CaseEntity.Kind.MISCONDUCT, converter.convertToEntityAttribute("misconduct"));
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
        assertThrows(
                IllegalArgumentException.class,
                () -> converter.convertToEntityAttribute("MISCONDUCT"));
    }

    @Test
    void aStoredConstantIsFoundByTheApisSpelling() {
        assertEquals(
                CaseEntity.Status.PENDING_MEMBER_STATE_INVESTIGATION,
                StoredEnum.fromApi(
                        CaseEntity.Status.class, CaseStatus.PENDING_MEMBER_STATE_INVESTIGATION));
        assertNull(StoredEnum.fromApi(CaseEntity.Status.class, null));
    }

    private static <E extends Enum<E> & StoredEnum> void assertSameValues(
            Class<E> stored, Object[] contract) {
        Set<String> expected =
                Arrays.stream(contract).map(Object::toString).collect(Collectors.toSet());
        List<String> actual =
                Arrays.stream(stored.getEnumConstants()).map(StoredEnum::value).toList();
        assertEquals(expected, Set.copyOf(actual), stored.getSimpleName());
        assertEquals(expected.size(), actual.size(), stored.getSimpleName());
    }
}
