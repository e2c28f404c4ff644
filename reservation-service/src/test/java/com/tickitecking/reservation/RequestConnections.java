package com.tickitecking.reservation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.web.filter.OncePerRequestFilter;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the database connections the service takes while it handles an HTTP request (test only, with
 * {@code @Import(RequestConnections.Wiring.class)}): no statement runs without a connection, so zero connections
 * means the requests asked MariaDB nothing. Background work (the outbox relay, the sweeper, the SQS listener) runs on
 * other threads and is not counted. MariaDB's own counters (Com_select, Questions) cannot tell these apart, and the
 * server is shared with other tests. It also counts the isolation level changes on those connections: each is a
 * {@code SET SESSION TRANSACTION ISOLATION LEVEL} sent to MariaDB.
 */
public final class RequestConnections {

    private final ThreadLocal<Boolean> inRequest = ThreadLocal.withInitial(() -> false);
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong isolationChanges = new AtomicLong();

    /** Connections taken by request threads since the service started. */
    public long taken() {
        return taken.get();
    }

    /** Calls of {@link Connection#setTransactionIsolation} by request threads since the service started. */
    public long isolationChanges() {
        return isolationChanges.get();
    }

    private Connection count(Connection connection) {
        if (!inRequest.get()) {
            return connection;
        }
        taken.incrementAndGet();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("setTransactionIsolation")) {
                        isolationChanges.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Wiring {

        @Bean
        static RequestConnections requestConnections() {
            return new RequestConnections();
        }

        /** Static, as a BeanPostProcessor must be; every DataSource gets wrapped before anything uses it. */
        @Bean
        static BeanPostProcessor countingDataSources(ObjectProvider<RequestConnections> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof DataSource dataSource && !(bean instanceof Counting)) {
                        return new Counting(dataSource, counter.getObject());
                    }
                    return bean;
                }
            };
        }

        /** First in the chain, so security and every controller run inside it. */
        @Bean
        FilterRegistrationBean<OncePerRequestFilter> requestScope(RequestConnections counter) {
            var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
                @Override
                protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                        throws ServletException, IOException {
                    counter.inRequest.set(true);
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        counter.inRequest.set(false);
                    }
                }
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private static final class Counting extends DelegatingDataSource {
        private final RequestConnections counter;

        Counting(DataSource target, RequestConnections counter) {
            super(target);
            this.counter = counter;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counter.count(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counter.count(super.getConnection(username, password));
        }
    }
}
