package dev.cairn.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * A record is its components, in JSON as in Java. Jackson would otherwise also write what a
 * record's bean-style methods compute ({@code isZero()}, {@code getTotal()}): derived values stored
 * in every event, and an encoding that fails when such a method throws for some state. A method
 * annotated {@code @JsonProperty} (an HTTP DTO's choice, never a domain type's) is still written.
 */
final class RecordComponentsOnly extends JacksonAnnotationIntrospector {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean hasIgnoreMarker(AnnotatedMember member) {
        if (member instanceof AnnotatedMethod method
                && method.getDeclaringClass().isRecord()
                && method.getParameterCount() == 0
                && !isComponent(method)
                && !method.hasAnnotation(JsonProperty.class)) {
            return true;
        }
        return super.hasIgnoreMarker(member);
    }

    private static boolean isComponent(AnnotatedMethod method) {
        RecordComponent[] components = method.getDeclaringClass().getRecordComponents();
        return components != null
                && Arrays.stream(components).anyMatch(c -> c.getName().equals(method.getName()));
    }
}
