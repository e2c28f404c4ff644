package com.tickitecking.reservation;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests that talk to the running service: its port and database, and the other services' events played to it. */
public abstract class ThroughTheApi {

    @LocalServerPort
    protected int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    protected String queuePrefix;
    @Autowired
    protected JdbcTemplate jdbc;
    protected TestEvents events;

    @BeforeEach
    void connect() {
        events = TestEvents.on(queuePrefix, jdbc);
    }
}
