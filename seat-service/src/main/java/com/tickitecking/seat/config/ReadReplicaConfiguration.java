package com.tickitecking.seat.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.util.StringUtils;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Read/write split, only when a replica URL is configured (otherwise Boot's single DataSource stays as it is).
 * The primary DataSource is lazy + routing; Flyway gets the source alone, never the replica.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfigured.class)
@EnableConfigurationProperties(ReplicaProperties.class)
public class ReadReplicaConfiguration {

    @Bean
    @FlywayDataSource
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource sourceDataSource(DataSourceProperties properties) {
        HikariDataSource source = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        source.setPoolName("source");
        return source;
    }

    @Bean
    HikariDataSource replicaDataSource(DataSourceProperties source, ReplicaProperties replica) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("replica");
        dataSource.setJdbcUrl(replica.url());
        dataSource.setUsername(StringUtils.hasText(replica.username()) ? replica.username() : source.determineUsername());
        dataSource.setPassword(replica.password() != null ? replica.password() : source.determinePassword());
        dataSource.setMaximumPoolSize(replica.maximumPoolSize());
        dataSource.setReadOnly(true);
        dataSource.setConnectionTimeout(2000);
        return dataSource;
    }

    @Bean
    @Primary
    DataSource dataSource(@Qualifier("sourceDataSource") DataSource source,
                          @Qualifier("replicaDataSource") DataSource replica) {
        ReadWriteRoutingDataSource routing = new ReadWriteRoutingDataSource();
        routing.setTargetDataSources(Map.of(
                ReadWriteRoutingDataSource.Target.SOURCE, source,
                ReadWriteRoutingDataSource.Target.REPLICA, replica));
        routing.setDefaultTargetDataSource(source);
        routing.afterPropertiesSet();
        return new LazyConnectionDataSourceProxy(routing);
    }
}
