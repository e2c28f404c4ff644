package com.tickitecking.media;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tests that talk to the running service: its port, queues, bucket and database, and the media API on them. */
public abstract class ThroughTheApi {

    @LocalServerPort
    protected int port;
    @Value("${tickitecking.messaging.queue-prefix}")
    protected String queuePrefix;
    @Value("${tickitecking.s3.bucket}")
    protected String bucket;
    @Autowired
    protected JdbcTemplate jdbc;
    protected MediaApi api;

    @BeforeEach
    void connect() {
        api = new MediaApi(port, queuePrefix, bucket);
    }
}
