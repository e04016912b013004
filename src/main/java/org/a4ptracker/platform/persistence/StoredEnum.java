package org.a4ptracker.platform.persistence;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A closed set stored as text, in a column or inside a JSON column. The stored text of a constant
 * is its name in lower case ({@code IN_PROGRESS} is {@code in_progress}): the exact text of the
 * columns' CHECK constraints and the contract's spelling, so mappers convert to and from the
 * generated enums by it.
 */
public interface StoredEnum {

    String name();

    int ordinal();

    Class<?> getDeclaringClass();

    /** The text the column stores and the contract shows. */
    @JsonValue
    default String value() {
        return Spelling.OF.get(getDeclaringClass()).texts[ordinal()];
    }

    /** The constant stored as {@code text}; null for null. */
    static <E extends Enum<E> & StoredEnum> E of(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        Object constant = Spelling.OF.get(type).constants.get(text);
        if (constant == null) {
            throw new IllegalArgumentException(
                    "No " + type.getSimpleName() + " is stored as " + text);
        }
        return type.cast(constant);
    }

    /**
     * Each enum's texts, worked out once: every row read and every answer written converts several
     * of them, and doing it afresh each time was a measurable share of a list's allocations.
     */
    final class Spelling {
        private static final ClassValue<Spelling> OF =
                new ClassValue<>() {
                    @Override
                    protected Spelling computeValue(Class<?> type) {
                        return new Spelling(List.of(type.getEnumConstants()));
                    }
                };

        private final String[] texts;
        private final Map<String, Object> constants = new HashMap<>();

        private Spelling(List<?> all) {
            texts = new String[all.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = ((Enum<?>) all.get(i)).name().toLowerCase(Locale.ROOT);
                constants.put(texts[i], all.get(i));
            }
        }
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
