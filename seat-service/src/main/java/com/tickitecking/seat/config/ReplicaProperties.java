package com.tickitecking.seat.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An optional read replica. When {@code url} is set (env {@code DB_REPLICA_URL}), read-only transactions read
 * from it; user name and password default to the source's.
 *
 * @param url             JDBC URL of the replica, blank for none
 * @param username        replica user, or the source's when blank
 * @param password        replica password, or the source's when null
 * @param maximumPoolSize connections kept to the replica
 */
@ConfigurationProperties("tickitecking.datasource.replica")
public record ReplicaProperties(String url, String username, String password, int maximumPoolSize) {

    public ReplicaProperties {
        maximumPoolSize = maximumPoolSize <= 0 ? 10 : maximumPoolSize;
    }
}
