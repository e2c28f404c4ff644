package com.tickitecking.platform.outbox;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * The relay's own few database connections, apart from the service's pool. When request threads queue for that
 * pool (a sale: ten connections busy, a hundred threads waiting), a relay pass queued behind them, up to the pool's
 * time-out; a pass that timed out waited for the next poll. With its own connections the relay never waits for a
 * request. Same database, user and settings as the service's pool (copied from it), only smaller.
 */
public final class OutboxConnections implements AutoCloseable {

    private final HikariDataSource own;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private OutboxConnections(HikariDataSource own, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.own = own;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A pool of {@code size} connections copied from the service's Hikari pool; the service's own connections
     * when {@code size} is 0 or the service's DataSource is no Hikari pool.
     */
    public static OutboxConnections of(DataSource service, JdbcTemplate serviceJdbc, TransactionTemplate serviceTransactions,
                                       int size) {
        HikariDataSource servicePool = hikari(service);
        if (size <= 0 || servicePool == null) {
            return new OutboxConnections(null, serviceJdbc, serviceTransactions);
        }
        HikariConfig config = new HikariConfig();
        servicePool.copyStateTo(config);
        config.setPoolName((servicePool.getPoolName() == null ? "pool" : servicePool.getPoolName()) + "-outbox");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        HikariDataSource own = new HikariDataSource(config);
        return new OutboxConnections(own, new JdbcTemplate(own), new TransactionTemplate(new DataSourceTransactionManager(own)));
    }

    private static HikariDataSource hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    TransactionTemplate transactions() {
        return transactions;
    }

    /** Whether the relay has connections of its own (false: it shares the service's pool). */
    public boolean isOwnPool() {
        return own != null;
    }

    @Override
    public void close() {
        if (own != null) {
            own.close();
        }
    }
}
