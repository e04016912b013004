package org.a4ptracker.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
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

    @Override
    public void customize(ObjectMapper mapper) {
        AnnotationIntrospector reading = mapper.getDeserializationConfig().getAnnotationIntrospector();
        mapper.setAnnotationIntrospectors(mapper.getSerializationConfig().getAnnotationIntrospector(),
                AnnotationIntrospector.pair(new RequiredLeftToValidation(), reading));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    private static final class RequiredLeftToValidation extends NopAnnotationIntrospector {
        @Override
        public Boolean hasRequiredMarker(AnnotatedMember member) {
            return Boolean.FALSE;
        }
    }
}
