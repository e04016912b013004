package org.a4ptracker.accountability;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import org.a4ptracker.api.model.Problem;
import org.a4ptracker.api.model.StatisticsDimension;
import org.a4ptracker.common.ProblemException;
import org.a4ptracker.common.ProblemMappers;

/**
 * Reads {@code group_by} values. An unknown dimension is a 400 problem naming {@code group_by}:
 * left to JAX-RS, a value that does not convert inside a collection parameter is a bare 404,
 * which the shared problem mappers cannot tie to a parameter. The problem travels as the
 * exception's response so that no mapper rewrites it.
 */
@Provider
public class StatisticsDimensionParam implements ParamConverterProvider {

    private static final String PARAMETER = "group_by";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != StatisticsDimension.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<StatisticsDimension>() {
            @Override
            public StatisticsDimension fromString(String value) {
                for (StatisticsDimension dimension : StatisticsDimension.values()) {
                    if (dimension.toString().equals(value)) {
                        return dimension;
                    }
                }
                throw unknown();
            }

            @Override
            public String toString(StatisticsDimension value) {
                return value.toString();
            }
        };
    }

    private static WebApplicationException unknown() {
        String expected = Arrays.stream(StatisticsDimension.values()).map(String::valueOf).collect(Collectors.joining(", "));
        ProblemException e = ProblemException.invalidParameter(PARAMETER, "must be one of " + expected);
        Problem body = new Problem().status(e.status()).type(e.type()).title(e.title()).detail(e.getMessage())
                .instance("/accountability-cases/statistics").errors(e.errors()).allowed(null);
        return new WebApplicationException(Response.status(e.status()).type(ProblemMappers.PROBLEM_JSON).entity(body).build());
    }
}
