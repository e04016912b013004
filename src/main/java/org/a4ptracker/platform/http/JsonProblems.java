package org.a4ptracker.platform.http;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.a4ptracker.platform.persistence.StorableValues;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A body Jackson could not read: malformed JSON (400 malformed-json), or the wrong shape at a
 * pointer (400).
 */
public class JsonProblems {

    private static final Pattern MISSING_CREATOR_PROPERTY =
            Pattern.compile("Missing required creator property '([^']+)'");

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        JsonMappingException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class
    })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return ProblemResponses.of(asProblem(e), uri);
    }

    /**
     * The client's view of a body Jackson could not read: malformed, or the wrong shape at a
     * pointer.
     */
    static ProblemException asProblem(JsonProcessingException e) {
        if (e instanceof StreamReadException read
                && read.getProcessor() != null
                && String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            // STRICT_DUPLICATE_DETECTION stops on the second occurrence, with the parser on it
            return ProblemException.invalidField(
                    read.getProcessor().getParsingContext().pathAsPointer().toString(),
                    "appears more than once in its object");
        }
        if (!(e instanceof JsonMappingException mapping) || e instanceof JsonParseException) {
            return new ProblemException(
                    400,
                    "/problems/malformed-json",
                    "Malformed JSON",
                    "The body is not well-formed JSON (line " + location(e) + ").");
        }
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            pointer.append('/')
                    .append(ref.getFieldName() != null ? ref.getFieldName() : ref.getIndex());
        }
        String detail;
        String discriminator = oneOfProperty(e);
        Matcher missing = MISSING_CREATOR_PROPERTY.matcher(String.valueOf(e.getOriginalMessage()));
        if (e instanceof UnrecognizedPropertyException) {
            detail = "is not a known property";
        } else if (missing.find()) {
            // Jackson's path already ends with the missing property; older versions stop at its
            // parent.
            if (!pointer.toString().endsWith("/" + missing.group(1))) {
                pointer.append('/').append(missing.group(1));
            }
            detail = "must not be null";
        } else if (e instanceof InvalidNullException) {
            detail = "must not be null";
        } else if (e.getCause() instanceof InputCoercionException range) {
            detail =
                    "is out of range for "
                            + (range.getTargetType() == Integer.TYPE ? "a 32-bit" : "a 64-bit")
                            + " integer";
        } else if (e instanceof InvalidFormatException format
                && format.getValue() instanceof String
                && format.getTargetType() == LocalDate.class) {
            detail = StorableValues.DATE_RANGE;
        } else if (e instanceof InvalidFormatException format && format.getValue() instanceof String
                || e instanceof ValueInstantiationException) {
            detail = "has a value that is not allowed here";
        } else if (discriminator != null && !discriminator.isEmpty()) {
            // A oneOf with a discriminator (e.g. `kind`): the discriminator is missing or unknown.
            pointer.append('/').append(discriminator);
            detail =
                    ((InvalidTypeIdException) e).getTypeId() == null
                            ? "must not be null"
                            : "has a value that is not allowed here";
        } else if (e instanceof InvalidTypeIdException t
                        && t.getBaseType() != null
                        && t.getBaseType().isInterface()
                || e instanceof MismatchedInputException m
                        && m.getTargetType() != null
                        && m.getTargetType().isInterface()) {
            // A oneOf without a discriminator: the members present match none (or more than one) of
            // its shapes.
            detail = "does not match exactly one of the shapes the contract allows here";
        } else {
            // a value of another JSON type: coercion is off (see JsonCustomizer)
            detail =
                    expectedJsonType(
                            e instanceof MismatchedInputException mismatch
                                    ? mismatch.getTargetType()
                                    : null);
        }
        return ProblemException.invalidField(pointer.toString(), detail);
    }

    /**
     * The discriminator property of the oneOf interface Jackson failed to pick a variant of, if
     * any.
     */
    private static String oneOfProperty(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException typeId && typeId.getBaseType() != null) {
            JsonTypeInfo info =
                    typeId.getBaseType().getRawClass().getAnnotation(JsonTypeInfo.class);
            return info == null || info.use() != JsonTypeInfo.Id.NAME ? null : info.property();
        }
        return null;
    }

    /** What a body member of this Java type must be, in the client's JSON terms. */
    private static String expectedJsonType(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a string holding a date (YYYY-MM-DD)";
        }
        if (type == OffsetDateTime.class || type == Instant.class) {
            return "must be a string holding a date-time (RFC 3339)";
        }
        if (type == String.class || type == UUID.class || type.isEnum()) {
            return "must be a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null
                ? "?"
                : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }
}
