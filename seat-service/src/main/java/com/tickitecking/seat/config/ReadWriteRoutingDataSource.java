package com.tickitecking.seat.config;

import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends the connections of {@code @Transactional(readOnly = true)} work to the replica and everything else
 * (writes, event handlers, reads outside a transaction) to the source. It must sit behind a
 * {@link org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy}: the transaction manager asks for a
 * connection before it marks the transaction read-only, and the proxy defers the choice to the first statement.
 */
public class ReadWriteRoutingDataSource extends AbstractRoutingDataSource {

    public enum Target { SOURCE, REPLICA }

    @Override
    protected Object determineCurrentLookupKey() {
        return currentTarget();
    }

    public static Target currentTarget() {
        return TransactionSynchronizationManager.isCurrentTransactionReadOnly() ? Target.REPLICA : Target.SOURCE;
    }
}
