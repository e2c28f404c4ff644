package com.tickitecking.platform.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.util.concurrent.ScheduledExecutorService;

/**
 * Every background job of every service is a {@code @Scheduled(fixedDelayString = "${…}")} bean method; this
 * switches scheduling on once for all of them. The pool is sized in platform-defaults.properties
 * ({@code spring.task.scheduling.pool.size}).
 */
@AutoConfiguration(before = TaskSchedulingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableScheduling
public class ScheduledJobsConfiguration {

    /**
     * A pool, although the services run on virtual threads: Spring Boot's virtual-thread scheduler runs every
     * fixed-delay job on one shared thread, so a long seat purge or a slow DLQ check would hold up the outbox
     * relay. Here each job has a thread of its own.
     */
    @Bean(name = "taskScheduler")
    @ConditionalOnMissingBean({TaskScheduler.class, ScheduledExecutorService.class})
    ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
        return builder.build();
    }
}
