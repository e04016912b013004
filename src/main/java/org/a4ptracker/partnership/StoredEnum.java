package org.a4ptracker.partnership;

import java.util.Arrays;
import java.util.Locale;

import jakarta.persistence.AttributeConverter;

/**
 * A closed set of this feature, stored and shown by the contract as its constants' lower-case names
 * ({@code IN_PROGRESS} is {@code in_progress}), the exact text of the columns' CHECK constraints.
 */
interface StoredEnum {

    String name();

    /** The text the column stores and the contract shows. */
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E> & StoredEnum> E of(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No " + type.getSimpleName() + " stored as " + value));
    }

    /** The constant of a generated API enum (whose text is the contract's), or null for null. */
    static <E extends Enum<E> & StoredEnum> E fromApi(Class<E> type, Object api) {
        return api == null ? null : of(type, api.toString());
    }

    /** Column text to constant and back; one subclass per enum, as JPA wants a class per converter. */
    abstract class Converter<E extends Enum<E> & StoredEnum> implements AttributeConverter<E, String> {

        private final Class<E> type;

        Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.value();
        }

        @Override
        public E convertToEntityAttribute(String text) {
            return text == null ? null : of(type, text);
        }
    }
}
