package com.tickitecking.platform.messaging;

import com.tickitecking.platform.outbox.OutboxConnections;
import com.tickitecking.platform.outbox.OutboxPublisher;
import com.tickitecking.platform.outbox.OutboxRelay;
import com.tickitecking.platform.outbox.OutboxRepository;
import com.tickitecking.platform.outbox.OutboxStatistics;
import com.tickitecking.platform.outbox.OutboxWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

import javax.sql.DataSource;
import java.time.Instant;

/**
 * The outbox (writer and relay) and the inbox for services that use SQS. Services without the SQS starter get
 * none of it. The relay, its statistics, the pruner and the DLQ monitor run as {@code @Scheduled} jobs on the
 * platform's scheduler ({@link com.tickitecking.platform.config.ScheduledJobsConfiguration}).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfiguration(afterName = {
        "io.awspring.cloud.autoconfigure.sqs.SqsAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({SqsAsyncClient.class, JdbcTemplate.class})
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    /** The relay's own connections ({@code tickitecking.messaging.relay.connections}), closed with the context. */
    @Bean(destroyMethod = "close")
    @ConditionalOnBean(SqsAsyncClient.class)
    OutboxConnections outboxConnections(DataSource dataSource, JdbcTemplate jdbc, TransactionTemplate transactions,
                                        MessagingProperties properties) {
        return OutboxConnections.of(dataSource, jdbc, transactions, properties.relay().connections());
    }

    @Bean
    @ConditionalOnBean(SqsAsyncClient.class)
    OutboxRepository outboxRepository(OutboxConnections connections) {
        return new OutboxRepository(connections);
    }

    @Bean
    @ConditionalOnBean(SqsAsyncClient.class)
    OutboxPublisher outboxPublisher(SqsAsyncClient sqs, MessagingProperties properties) {
        return new OutboxPublisher(sqs, properties);
    }

    /** A commit's wake-up runs its pass on the scheduler's pool, beside the scheduled polls. */
    @Bean
    @ConditionalOnBean(SqsAsyncClient.class)
    OutboxRelay outboxRelay(OutboxRepository outbox, OutboxPublisher publisher, MessagingProperties properties,
                            TaskScheduler scheduler) {
        return new OutboxRelay(outbox, publisher, properties, pass -> scheduler.schedule(pass, Instant.now()));
    }

    @Bean
    @ConditionalOnBean(SqsAsyncClient.class)
    OutboxStatistics outboxStatistics(OutboxRepository outbox, MeterRegistry meters) {
        return new OutboxStatistics(outbox, meters);
    }

    @Bean
    RetentionPruner retentionPruner(JdbcTemplate jdbc, MessagingProperties properties) {
        return new RetentionPruner(jdbc, properties);
    }

    @Bean
    OutboxWriter outboxWriter(JdbcTemplate jdbc, ObjectProvider<OutboxRelay> relay) {
        return new OutboxWriter(jdbc, () -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    @Bean
    EventInbox eventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters, Environment environment) {
        return new EventInbox(jdbc, transactions, meters, environment.getProperty("spring.application.name", "unknown"));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("tickitecking.messaging.consumes")
    static class DeadLetters {
        @Bean
        @ConditionalOnBean(SqsAsyncClient.class)
        DeadLetterMonitor deadLetterMonitor(SqsAsyncClient sqs, MessagingProperties properties, MeterRegistry meters) {
            return new DeadLetterMonitor(sqs, properties, meters);
        }
    }
}
