package com.tickitecking.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much a request may carry ({@code tickitecking.web.*}). The largest real body is a stadium's layout (4,000
 * rows: a few hundred KB); uploads are multipart and have their own limit ({@code spring.servlet.multipart.*}).
 *
 * @param maxRequestBody the largest request body, by its Content-Length or, when chunked, by what JSON parsing reads
 * @param json           limits on the JSON inside it
 */
@ConfigurationProperties("tickitecking.web")
public record RequestLimits(@DefaultValue("1MB") DataSize maxRequestBody, @DefaultValue Json json) {

    /**
     * @param maxStringLength longest string value, in characters
     * @param maxNameLength   longest property name, in characters
     * @param maxNumberLength longest number, in digits
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxTokens       most tokens in one document
     */
    public record Json(@DefaultValue("65536") int maxStringLength, @DefaultValue("256") int maxNameLength,
                       @DefaultValue("64") int maxNumberLength, @DefaultValue("32") int maxNestingDepth,
                       @DefaultValue("1000000") long maxTokens) {
    }
}
