package org.a4ptracker.platform.http;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.a4ptracker.platform.persistence.StorableValues;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Request parameters as the client sent them: the HTTP name of a resource method's parameter, and
 * the 400 naming a typed parameter whose value does not convert ({@code limit=abc}), which JAX-RS
 * itself answers with a bare 404 (or 400 for a header).
 */
final class ParameterProblems {

    private ParameterProblems() {}

    /** The first typed parameter whose value does not convert, as a 400; {@code null} if none. */
    static ProblemException unconvertible(
            SimpleResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        for (Method method : candidates(resource)) {
            for (int i = 0; i < method.getParameterCount(); i++) {
                Class<?> type = elementType(method, i);
                String expected = expectedFormat(type);
                for (Annotation annotation : method.getParameterAnnotations()[i]) {
                    List<String> values = values(annotation, uri, headers);
                    if (values == null || expected == null) {
                        continue;
                    }
                    for (String value : values) {
                        if (!converts(type, value)) {
                            return ProblemException.invalidParameter(name(annotation), expected);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The HTTP name of a resource method parameter, or {@code null} for the body. */
    static String httpName(SimpleResourceInfo resource, int index) {
        if (resource == null) {
            return null;
        }
        for (Method method : candidates(resource)) {
            if (method.getParameterCount() <= index) {
                continue;
            }
            for (Annotation annotation : method.getParameterAnnotations()[index]) {
                String name = name(annotation);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String name(Annotation annotation) {
        if (annotation instanceof QueryParam q) return q.value();
        if (annotation instanceof PathParam p) return p.value();
        if (annotation instanceof HeaderParam h) return h.value();
        if (annotation instanceof CookieParam c) return c.value();
        if (annotation instanceof FormParam f) return f.value();
        return null;
    }

    /**
     * The values sent for a query, path or header parameter; {@code null} for other kinds or none
     * sent.
     */
    private static List<String> values(Annotation annotation, UriInfo uri, HttpHeaders headers) {
        if (annotation instanceof QueryParam q) return uri.getQueryParameters().get(q.value());
        if (annotation instanceof PathParam p) return uri.getPathParameters().get(p.value());
        if (annotation instanceof HeaderParam h)
            return headers == null ? null : headers.getRequestHeader(h.value());
        return null;
    }

    /**
     * The parameter's type, or for a collection parameter (a repeated query value) its element
     * type.
     */
    private static Class<?> elementType(Method method, int index) {
        Class<?> type = method.getParameterTypes()[index];
        if (Collection.class.isAssignableFrom(type)
                && method.getGenericParameterTypes()[index] instanceof ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    private static String expectedFormat(Class<?> type) {
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == BigDecimal.class) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == LocalDate.class) {
            return StorableValues.DATE_RANGE + " (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class) {
            return StrictParams.DATE_TIME;
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(String::valueOf)
                            .collect(Collectors.joining(", "));
        }
        return null;
    }

    private static boolean converts(Class<?> type, String value) {
        try {
            if (type == Boolean.class || type == boolean.class) {
                return StrictParams.parseBoolean(value) != null;
            } else if (type == Integer.class || type == int.class) {
                Integer.valueOf(value.trim());
            } else if (type == Long.class || type == long.class) {
                Long.valueOf(value.trim());
            } else if (type == BigDecimal.class) {
                new BigDecimal(value.trim());
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == LocalDate.class) {
                return StorableValues.parseDate(value) != null;
            } else if (type == OffsetDateTime.class) {
                return StrictParams.parseDateTime(value) != null;
            } else if (type.isEnum()) {
                return Arrays.stream(type.getEnumConstants())
                        .anyMatch(c -> String.valueOf(c).equals(value));
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The resource method and its declarations in the interfaces and superclasses (where the
     * annotations are).
     */
    private static List<Method> candidates(SimpleResourceInfo resource) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = resource.getResourceClass();
                c != null && c != Object.class;
                c = c.getSuperclass()) {
            addMatching(methods, c, resource);
            for (Class<?> i : c.getInterfaces()) {
                addMatching(methods, i, resource);
            }
        }
        return methods;
    }

    private static void addMatching(
            List<Method> methods, Class<?> type, SimpleResourceInfo resource) {
        try {
            methods.add(type.getMethod(resource.getMethodName(), resource.parameterTypes()));
        } catch (NoSuchMethodException ignored) {
            // not declared on this type
        }
    }
}
