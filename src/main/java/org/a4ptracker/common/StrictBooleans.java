package org.a4ptracker.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

/**
 * Boolean parameters are {@code true} or {@code false}. JAX-RS would read any other text as
 * false ({@code Boolean.valueOf}), so {@code overdue=yes} would silently mean the opposite; here it
 * fails to convert and {@link ProblemMappers} answers 400 naming the parameter.
 */
@Provider
public class StrictBooleans implements ParamConverterProvider {

    private static final ParamConverter<Boolean> CONVERTER = new ParamConverter<>() {
        @Override
        public Boolean fromString(String value) {
            Boolean parsed = parse(value);
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

    /** {@code true}, {@code false}, or null for anything else. */
    static Boolean parse(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType == Boolean.class ? (ParamConverter<T>) CONVERTER : null;
    }
}
