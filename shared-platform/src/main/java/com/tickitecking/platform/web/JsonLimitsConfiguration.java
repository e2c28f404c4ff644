package com.tickitecking.platform.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request JSON is parsed within {@link RequestLimits}: a body over the size limit, an endless string, a number of a
 * million digits or a deeply nested array fails fast (413 problem+json, see {@link ProblemDetailsAdvice}) instead of
 * costing memory and CPU. In Jackson 3 the limits belong to the factory a mapper is built on, which a customizer
 * cannot replace; so this is Spring Boot's own builder bean (the same customizers, applied the same way) on a factory
 * that has the limits.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapper.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(RequestLimits.class)
public class JsonLimitsConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder jsonMapperBuilder(RequestLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        RequestLimits.Json json = limits.json();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxRequestBody().toBytes())
                .maxStringLength(json.maxStringLength())
                .maxNameLength(json.maxNameLength())
                .maxNumberLength(json.maxNumberLength())
                .maxNestingDepth(json.maxNestingDepth())
                .maxTokenCount(json.maxTokens())
                .build();
        JsonMapper.Builder builder = JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
