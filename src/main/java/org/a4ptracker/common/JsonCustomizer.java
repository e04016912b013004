package org.a4ptracker.common;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON reading and writing shared by every resource.
 *
 * <p>The generated models mark required properties with {@code @JsonProperty(required = true)} on
 * their creators, and Jackson stops at the first one that is missing. Required properties are
 * also {@code @NotNull}, so reading ignores the marker and lets bean validation report every
 * missing property at once, each with its own pointer.
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
        AnnotationIntrospector reading = mapper.getDeserializationConfig().getAnnotationIntrospector();
        mapper.setAnnotationIntrospectors(mapper.getSerializationConfig().getAnnotationIntrospector(),
                AnnotationIntrospector.pair(new RequiredLeftToValidation(), reading));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.registerModule(new SimpleModule("storable-dates").addDeserializer(LocalDate.class, new StorableDates()));
    }

    /** Dates in bodies must be storable (see {@link StorableValues}); others are a 400 at their pointer. */
    private static final class StorableDates extends StdDeserializer<LocalDate> {
        StorableDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (!StorableValues.isStorable(date)) {
                throw context.weirdStringException(parser.getText(), LocalDate.class, StorableValues.DATE_RANGE);
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
