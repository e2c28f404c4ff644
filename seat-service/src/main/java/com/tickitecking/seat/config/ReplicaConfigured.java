package com.tickitecking.seat.config;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when a replica URL is set; an empty {@code DB_REPLICA_URL} means "no replica" (unlike @ConditionalOnProperty). */
class ReplicaConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("tickitecking.datasource.replica.url"));
    }
}
