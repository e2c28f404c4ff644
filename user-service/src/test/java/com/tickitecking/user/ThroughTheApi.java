package com.tickitecking.user;

import com.tickitecking.testing.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tests that talk to the running service over HTTP: a client for its port, and the user API on it. */
public abstract class ThroughTheApi {

    @LocalServerPort
    protected int port;
    protected TestHttp http;
    protected UserApi api;

    @BeforeEach
    void connect() {
        http = TestHttp.at(port);
        api = new UserApi(http);
    }
}
