package com.tickitecking.platform.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Two things the documents must say about our records that swagger-core does not infer:
 * <ul>
 *   <li>A component marked {@code @Nullable} (JSpecify, or any annotation of that name) may be {@code null} in the
 *       JSON: its schema gets {@code "null"} among its types (OpenAPI 3.1), so a generated client types it
 *       {@code string | null} instead of breaking on the null.</li>
 *   <li>A record nested in another is named {@code Outer.Inner} ({@code ConcertRequests.Save},
 *       {@code SeatMap.Grade}): by its simple name alone two {@code Save}s or {@code Grade}s of one service would be one
 *       schema, the last one resolved.</li>
 * </ul>
 */
public class RecordSchemas implements ModelConverter {

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        JavaType javaType = Json31.mapper().constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        boolean ours = raw.getName().startsWith("com.tickitecking.");
        if (ours && raw.getEnclosingClass() != null && javaType.containedTypeCount() == 0
                && (type.getName() == null || type.getName().isBlank()) && !hasSchemaName(raw)) {
            type.setName(nameOf(raw));
        }
        Schema resolved = chain.next().resolve(type, context, chain);
        if (resolved != null && raw.isRecord() && ours) {
            markNullable(raw, modelOf(resolved, context));
        }
        return resolved;
    }

    /** {@code ConcertRequests.Save}: the enclosing classes' simple names, then the record's. */
    static String nameOf(Class<?> type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Class<?> outer = type.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            name.insert(0, outer.getSimpleName() + ".");
        }
        return name.toString();
    }

    private static boolean hasSchemaName(Class<?> type) {
        var schema = type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isBlank();
    }

    private static Schema<?> modelOf(Schema<?> resolved, ModelConverterContext context) {
        if (resolved.get$ref() != null) {
            String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
            return context.getDefinedModels().get(name);
        }
        return resolved;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void markNullable(Class<?> record, Schema<?> model) {
        if (model == null || model.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = model.getProperties();
        for (RecordComponent component : record.getRecordComponents()) {
            Schema property = properties.get(component.getName());
            if (property == null || !isNullable(component)) {
                continue;
            }
            if (property.get$ref() != null) {
                // a $ref's siblings would narrow it, not widen it: null or the referenced schema
                Schema referenced = new Schema().$ref(property.get$ref());
                Schema nothing = new Schema();
                nothing.addType("null");
                Schema either = new Schema().anyOf(List.of(referenced, nothing));
                either.setDescription(property.getDescription());
                properties.put(component.getName(), either);
            } else if (property.getTypes() != null) {
                property.addType("null");
            } else if (property.getType() != null) {
                property.addType(property.getType());
                property.addType("null");
            }
        }
    }

    /** A declaration or type-use annotation named {@code Nullable}, on the component or its type. */
    private static boolean isNullable(RecordComponent component) {
        return named(component) || named(component.getAnnotatedType())
                || component.getAccessor() != null && (named(component.getAccessor()) || named(component.getAccessor().getAnnotatedReturnType()));
    }

    private static boolean named(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getSimpleName().equals("Nullable")) {
                return true;
            }
        }
        return false;
    }
}
