package org.a4ptracker.platform.http;

import org.a4ptracker.platform.persistence.Causes;
import org.a4ptracker.platform.persistence.StorableValues;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.a4ptracker.api.model.Problem;
import org.a4ptracker.api.model.ProblemError;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Renders every error as RFC 9457 {@code application/problem+json}. Bodies never carry stack
 * traces, class names or SQL; unexpected errors are logged under a correlation id that the 500
 * answer repeats.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final java.util.regex.Pattern MISSING_CREATOR_PROPERTY =
            java.util.regex.Pattern.compile("Missing required creator property '([^']+)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Problem body = problem(e.status(), e.type(), e.title(), e.getMessage(), uri)
                .errors(e.errors())
                .allowed(e.allowed());
        Response.ResponseBuilder response = respond(body);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({ResteasyReactiveViolationException.class, ConstraintViolationException.class})
    public Response violations(ConstraintViolationException e, UriInfo uri, SimpleResourceInfo resource) {
        List<ProblemError> errors = new ArrayList<>();
        boolean returnValue = false;
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            ProblemError error = describe(violation, resource);
            if (error == null) {
                returnValue = true;
            } else if ("If-Match".equals(error.getParameter()) && violation.getInvalidValue() == null) {
                return problem(ETags.preconditionRequired(), uri);
            } else {
                errors.add(error);
            }
        }
        if (returnValue) {
            return unexpected(e, uri);
        }
        errors.sort(Comparator.comparing((ProblemError p) -> p.getPointer() == null ? "~" + p.getParameter() : p.getPointer())
                .thenComparing(ProblemError::getDetail));
        return problem(ProblemException.invalid(errors), uri);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class,
            ValueInstantiationException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return problem(asProblem(e), uri);
    }

    /** The discriminator property of the oneOf interface Jackson failed to pick a variant of, if any. */
    private static String oneOfProperty(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null) {
            com.fasterxml.jackson.annotation.JsonTypeInfo info =
                    typeId.getBaseType().getRawClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
            return info == null || info.use() != com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME ? null : info.property();
        }
        return null;
    }

    /** The client's view of a body Jackson could not read: malformed, or the wrong shape at a pointer. */
    static ProblemException asProblem(JsonProcessingException e) {
        if (e instanceof StreamReadException read && read.getProcessor() != null
                && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION stops on the second occurrence, with the parser on it
            return ProblemException.invalidField(read.getProcessor().getParsingContext().pathAsPointer().toString(),
                    "appears more than once in its object");
        }
        if (!(e instanceof JsonMappingException mapping) || e instanceof JsonParseException) {
            return new ProblemException(400, "/problems/malformed-json", "Malformed JSON",
                    "The body is not well-formed JSON (line " + location(e) + ").");
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        String detail;
        String discriminator = oneOfProperty(e);
        Matcher missing = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof UnrecognizedPropertyException) {
            detail = "is not a known property";
        } else if (missing.find()) {
            // Jackson's path already ends with the missing property; older versions stop at its parent.
            if (!pointer.toString().endsWith("/" + missing.group(1))) {
                pointer.append('/').append(missing.group(1));
            }
            detail = "must not be null";
        } else if (e instanceof InvalidNullException) {
            detail = "must not be null";
        } else if (e.getCause() instanceof InputCoercionException range) {
            detail = "is out of range for " + (range.getTargetType() == Integer.TYPE ? "a 32-bit" : "a 64-bit") + " integer";
        } else if (e instanceof InvalidFormatException format && format.getValue() instanceof String
                && format.getTargetType() == java.time.LocalDate.class) {
            detail = StorableValues.DATE_RANGE;
        } else if (e instanceof InvalidFormatException format && format.getValue() instanceof String
                || e instanceof ValueInstantiationException) {
            detail = "has a value that is not allowed here";
        } else if (discriminator != null && !discriminator.isEmpty()) {
            // A oneOf with a discriminator (e.g. `kind`): the discriminator is missing or unknown.
            pointer.append('/').append(discriminator);
            detail = ((InvalidTypeIdException) e).getTypeId() == null ? "must not be null" : "has a value that is not allowed here";
        } else if (e instanceof InvalidTypeIdException t && t.getBaseType() != null && t.getBaseType().isInterface()
                || e instanceof MismatchedInputException m && m.getTargetType() != null && m.getTargetType().isInterface()) {
            // A oneOf without a discriminator: the members present match none (or more than one) of its shapes.
            detail = "does not match exactly one of the shapes the contract allows here";
        } else {
            // a value of another JSON type: coercion is off (see JsonCustomizer)
            detail = expectedJsonType(e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
        }
        return ProblemException.invalidField(pointer.toString(), detail);
    }

    /** What a body member of this Java type must be, in the client's JSON terms. */
    private static String expectedJsonType(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == java.math.BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "must be a string holding a date (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class || type == java.time.Instant.class) {
            return "must be a string holding a date-time (RFC 3339)";
        }
        if (type == String.class || type == UUID.class || type.isEnum()) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers,
                                   SimpleResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        // A body that Quarkus REST could not read as JSON arrives wrapped: answer it like the
        // errors Jackson reports unwrapped.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        // JAX-RS answers a query or path parameter that does not convert (limit=abc) with a bare
        // 404 (or 400 for a header): it is a 400 that names the parameter.
        if ((status == 404 || status == 400) && resource != null && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException)) {
            ProblemException unconvertible = unconvertibleParameter(resource, uri, headers);
            if (unconvertible != null) {
                return problem(unconvertible, uri);
            }
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String reason = known == null ? "Request failed" : known.getReasonPhrase();
        // Sentence case, so that one type always has one title (ProblemException says "Not found").
        String title = reason.charAt(0) + reason.substring(1).toLowerCase(java.util.Locale.ROOT);
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath() + ".";
            case 405 -> "This resource does not support that method.";
            case 406 -> "This resource answers application/json only.";
            case 415 -> "Send the body as application/json.";
            default -> title + ".";
        };
        String type = "/problems/" + reason.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        Response.ResponseBuilder response = respond(problem(status, type, title, detail, uri));
        if (e instanceof NotAllowedException) {
            String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
            if (allow == null || allow.isBlank()) {
                allow = AllowedMethods.forPath(uri.getPath());
            }
            if (allow != null) {
                response.header(HttpHeaders.ALLOW, allow);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationRedirectException.class, io.quarkus.security.AuthenticationCompletionException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(problem(401, "/problems/unauthorized", "Authentication required",
                "Send a valid bearer token in the Authorization header.", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(ProblemException.forbidden("Your roles do not allow this operation."), uri);
    }

    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return problem(new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                "The resource changed while this request was processed: read it again and retry."), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ProblemException integrity = integrityViolation(e);
        if (integrity != null) {
            return problem(integrity, uri);
        }
        ProblemException unavailable = DatabaseUnavailable.answer(e, uri.getPath());
        if (unavailable != null) {
            return problem(unavailable, uri);
        }
        String correlationId = UUID.randomUUID().toString();
        MDC.put("correlation_id", correlationId);
        try {
            LOG.errorf(e, "Unexpected error on %s (correlation id %s)", uri.getPath(), correlationId);
        } finally {
            MDC.remove("correlation_id");
        }
        Problem body = problem(500, "/problems/internal-error", "Internal error",
                "An unexpected error occurred. Quote the correlation id when reporting it.", uri)
                .correlationId(correlationId);
        return respond(body).build();
    }

    /**
     * Database refusals that a client's request caused are answered as such, not as server
     * faults: a write that lost a race (optimistic lock, or an integrity constraint, SQLSTATE
     * class 23, that a service's own check let through) is 412 or 409; a value the database
     * cannot hold (SQLSTATE class 22) is 400. Services validate first; this is the safety net.
     */
    private static ProblemException integrityViolation(Throwable e) {
        for (Throwable cause : Causes.of(e)) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return new ProblemException(412, "/problems/precondition-failed", "Precondition failed",
                        "The resource changed while this request was processed: read it again and retry.");
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return ProblemException.invalid("A value is outside what can be stored.", null);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return switch (sql.getSQLState()) {
                    case "23505" -> ProblemException.conflict(
                            "The same record was written at the same time by another request; read it again and retry.");
                    case "23503" -> ProblemException.conflict(
                            "The record is still referenced by, or refers to, a record that does not allow this change.");
                    default -> ProblemException.conflict("The change breaks a rule of the stored data.");
                };
            }
        }
        return null;
    }

    private static Problem problem(int status, String type, String title, String detail, UriInfo uri) {
        // The generated model starts with empty lists; a problem without them must not show "[]".
        return new Problem().status(status).type(type).title(title).detail(detail).instance(uri.getPath())
                .errors(null).allowed(null);
    }

    private static Response.ResponseBuilder respond(Problem body) {
        return Response.status(body.getStatus()).type(PROBLEM_JSON).entity(body);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /**
     * A violation on a request parameter names the parameter as the client sent it; one inside
     * the body becomes a JSON pointer. Returns {@code null} for a violation on a return value.
     */
    private static ProblemError describe(ConstraintViolation<?> violation, SimpleResourceInfo resource) {
        StringBuilder pointer = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return null;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                parameter = httpName(resource, index);
                continue;
            }
            if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null) {
                    pointer.append('/').append(node.getIndex());
                } else if (node.getKey() != null) {
                    pointer.append('/').append(node.getKey());
                }
                if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                    pointer.append('/').append(snakeCase(node.getName()));
                }
            }
        }
        ProblemError error = new ProblemError().detail(violation.getMessage());
        if (parameter != null) {
            return error.parameter(parameter);
        }
        return error.pointer(pointer.toString());
    }

    /** The HTTP name of a resource method parameter, or {@code null} for the body. */
    private static String httpName(SimpleResourceInfo resource, int index) {
        if (resource == null) {
            return null;
        }
        for (Method method : candidates(resource)) {
            if (method.getParameterCount() <= index) {
                continue;
            }
            for (var annotation : method.getParameterAnnotations()[index]) {
                if (annotation instanceof QueryParam q) return q.value();
                if (annotation instanceof PathParam p) return p.value();
                if (annotation instanceof HeaderParam h) return h.value();
                if (annotation instanceof CookieParam c) return c.value();
                if (annotation instanceof FormParam f) return f.value();
            }
        }
        return null;
    }

    /** The first typed parameter whose value does not convert, as a 400; {@code null} if none. */
    private static ProblemException unconvertibleParameter(SimpleResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        for (Method method : candidates(resource)) {
            for (int i = 0; i < method.getParameterCount(); i++) {
                Class<?> type = elementType(method, i);
                for (var annotation : method.getParameterAnnotations()[i]) {
                    String name;
                    List<String> values;
                    if (annotation instanceof QueryParam q) {
                        name = q.value();
                        values = uri.getQueryParameters().get(name);
                    } else if (annotation instanceof PathParam p) {
                        name = p.value();
                        values = uri.getPathParameters().get(name);
                    } else if (annotation instanceof HeaderParam h) {
                        name = h.value();
                        values = headers == null ? null : headers.getRequestHeader(name);
                    } else {
                        continue;
                    }
                    String expected = expectedFormat(type);
                    if (values == null || expected == null) {
                        continue;
                    }
                    for (String value : values) {
                        if (!converts(type, value)) {
                            return ProblemException.invalidParameter(name, expected);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The parameter's type, or for a collection parameter (a repeated query value) its element type. */
    private static Class<?> elementType(Method method, int index) {
        Class<?> type = method.getParameterTypes()[index];
        if (java.util.Collection.class.isAssignableFrom(type)
                && method.getGenericParameterTypes()[index] instanceof java.lang.reflect.ParameterizedType generic
                && generic.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        return type;
    }

    private static String expectedFormat(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == java.math.BigDecimal.class) {
            return "must be a number";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return StorableValues.DATE_RANGE + " (YYYY-MM-DD)";
        }
        if (type == java.time.OffsetDateTime.class) {
            return "must be a date-time with an offset (RFC 3339)";
        }
        if (type.isEnum()) {
            return "must be one of " + java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
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
            } else if (type == java.math.BigDecimal.class) {
                new java.math.BigDecimal(value.trim());
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type == java.time.LocalDate.class) {
                return StrictParams.parseDate(value) != null;
            } else if (type == java.time.OffsetDateTime.class) {
                java.time.OffsetDateTime.parse(value);
            } else if (type.isEnum()) {
                return java.util.Arrays.stream(type.getEnumConstants()).anyMatch(c -> String.valueOf(c).equals(value));
            }
            return true;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static List<Method> candidates(SimpleResourceInfo resource) {
        List<Method> methods = new ArrayList<>();
        Class<?> type = resource.getResourceClass();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            addMatching(methods, c, resource);
            for (Class<?> i : c.getInterfaces()) {
                addMatching(methods, i, resource);
            }
        }
        return methods;
    }

    private static void addMatching(List<Method> methods, Class<?> type, SimpleResourceInfo resource) {
        try {
            methods.add(type.getMethod(resource.getMethodName(), resource.parameterTypes()));
        } catch (NoSuchMethodException ignored) {
            // not declared on this type
        }
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
