package org.a4ptracker.platform.persistence;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.Locale;

/**
 * A closed set stored as text, in a column or inside a JSON column. The stored text of a constant
 * is its name in lower case ({@code IN_PROGRESS} is {@code in_progress}): the exact text of the
 * columns' CHECK constraints and the contract's spelling, so mappers convert to and from the
 * generated enums by it.
 */
public interface StoredEnum {

    String name();

    /** The text the column stores and the contract shows. */
    @JsonValue
    default String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The constant stored as {@code text}; null for null. */
    static <E extends Enum<E> & StoredEnum> E of(Class<E> type, String text) {
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

    /**
     * The constant spelled like a generated API enum (whose text is the contract's); null for null.
     */
    static <E extends Enum<E> & StoredEnum> E fromApi(Class<E> type, Object api) {
        return api == null ? null : of(type, api.toString());
    }

    /**
     * Stores an enum as its exact text; one subclass per enum, as JPA wants a class per converter.
     */
    abstract class Converter<E extends Enum<E> & StoredEnum>
            implements AttributeConverter<E, String> {

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
            return of(type, text);
        }
    }
}
