package org.a4ptracker.platform.http;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import org.a4ptracker.platform.persistence.StorableValues;

/**
 * JSON reading and writing shared by every resource.
 *
 * <p>The generated models mark required properties with {@code @JsonProperty(required = true)} on
 * their creators, and Jackson stops at the first one that is missing. Required properties are also
 * {@code @NotNull}, so reading ignores the marker and lets bean validation report every missing
 * property at once, each with its own pointer.
 *
 * <p>Reading is strict, as the contract's types are (see {@link StrictJson}, which checks bodies
 * against the contract before they get here): duplicate keys, trailing content, coercions (string
 * to number or boolean, number or boolean to string, float to integer, number to enum or date,
 * empty string to a value, scalar to array) and {@code null} inside arrays fail.
 *
 * <p>Decimals are written as plain numbers ({@code 100}, not {@code 1E+2}).
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    /** Last, so that the date rule replaces the date deserializer Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        AnnotationIntrospector reading =
                mapper.getDeserializationConfig().getAnnotationIntrospector();
        mapper.setAnnotationIntrospectors(
                mapper.getSerializationConfig().getAnnotationIntrospector(),
                AnnotationIntrospector.pair(new RequiredLeftToValidation(), reading));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        strictReading(mapper);
        mapper.registerModule(
                new SimpleModule("storable-dates")
                        .addDeserializer(LocalDate.class, new StorableDates()));
    }

    private static void strictReading(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        for (LogicalType scalar :
                new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (LogicalType scalar :
                new LogicalType[] {LogicalType.Textual, LogicalType.DateTime, LogicalType.Enum}) {
            mapper.coercionConfigFor(scalar)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        // A null value is the contract's business (BodySchemas knows what is nullable); a null
        // element of a list is never one.
        mapper.setDefaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL));
    }

    /**
     * Dates in bodies must be storable (see {@link StorableValues}); others are a 400 at their
     * pointer.
     */
    private static final class StorableDates extends StdDeserializer<LocalDate> {
        StorableDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context)
                throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // no [2024, 1, 1], no epoch days
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            LocalDate date;
            try {
                date = LocalDate.parse(parser.getText());
            } catch (java.time.format.DateTimeParseException e) {
                throw context.weirdStringException(
                        parser.getText(), LocalDate.class, StorableValues.DATE_RANGE);
            }
            if (!StorableValues.isStorable(date)) {
                throw context.weirdStringException(
                        parser.getText(), LocalDate.class, StorableValues.DATE_RANGE);
            }
            return date;
        }
    }

    private static final class RequiredLeftToValidation extends NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return Boolean.FALSE;
        }
    }
}
