package org.a4ptracker.accountability;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A closed set stored as text, in a column or inside a JSON column. The stored text of a constant is
 * its name in lower case ({@code CRIME_AGAINST_PEACEKEEPERS} is {@code crime_against_peacekeepers}),
 * which is also the contract's spelling: mappers convert to and from the generated enums by it.
 */
interface StoredEnum {

    String name();

    @JsonValue
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code text}; null for null. */
    static <E extends Enum<E> & StoredEnum> E parse(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.value().equals(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("No " + type.getSimpleName() + " is stored as " + text);
    }

    /** The constant spelled like {@code other} (a generated enum, whose toString is its contract text). */
    static <E extends Enum<E> & StoredEnum> E of(Class<E> type, Object other) {
        return other == null ? null : parse(type, other.toString());
    }

    /** Stores an enum as its exact text; one subclass per enum, for {@code @Convert}. */
    abstract class Converter<E extends Enum<E> & StoredEnum> implements AttributeConverter<E, String> {

        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : value.value();
        }

        @Override
        public E convertToEntityAttribute(String text) {
            return parse(type, text);
        }
    }
}
