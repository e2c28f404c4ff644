package com.tickitecking.seat;

import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests that talk to the running service: a client for its port, its database, and events played to it. */
public abstract class ThroughTheApi {

    @LocalServerPort
    protected int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    protected String queuePrefix;
    @Autowired
    protected JdbcTemplate jdbc;
    protected SeatEvents events;
    protected TestHttp http;

    @BeforeEach
    void connect() {
        events = new SeatEvents(queuePrefix, jdbc);
        http = TestHttp.at(port);
    }
}
