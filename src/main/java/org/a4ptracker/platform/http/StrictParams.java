package org.a4ptracker.platform.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.a4ptracker.platform.persistence.StorableValues;

/**
 * Query parameters read strictly. JAX-RS would read any text as a boolean ({@code overdue=yes}
 * would silently mean false) and any year as a date (which PostgreSQL then refuses); here both fail
 * to convert and {@link ParameterProblems} answers 400 naming the parameter.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    static final String DATE_TIME = "must be a date-time with an offset (RFC 3339)";

    private static final ParamConverter<Boolean> BOOLEANS =
            new ParamConverter<>() {
                @Override
                public Boolean fromString(String value) {
                    Boolean parsed = parseBoolean(value);
                    if (parsed == null) {
                        throw new IllegalArgumentException("Not a boolean: " + value);
                    }
                    return parsed;
                }

                @Override
                public String toString(Boolean value) {
                    return String.valueOf(value);
                }
            };

    private static final ParamConverter<LocalDate> DATES =
            new ParamConverter<>() {
                @Override
                public LocalDate fromString(String value) {
                    LocalDate parsed = StorableValues.parseDate(value);
                    if (parsed == null) {
                        throw new IllegalArgumentException("Not a storable date: " + value);
                    }
                    return parsed;
                }

                @Override
                public String toString(LocalDate value) {
                    return value.toString();
                }
            };

    /** {@code true}, {@code false}, or null for anything else. */
    static Boolean parseBoolean(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    /** An RFC 3339 date-time with its offset, or null. */
    static OffsetDateTime parseDateTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(
            Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Boolean.class) {
            return (ParamConverter<T>) BOOLEANS;
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) DATES;
        }
        return null;
    }
}
