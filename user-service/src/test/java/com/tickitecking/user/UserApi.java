package com.tickitecking.user;

import com.tickitecking.testing.TestHttp;
import com.tickitecking.user.throttle.ClientAddress;

import java.util.HashMap;
import java.util.Map;

/** Test helper: signs up and logs in through the real HTTP API. */
public record UserApi(TestHttp http) {

    public static final String PASSWORD = "Secret1!x";

    /** A client at the given address, as the gateway tells the service in X-Client-Address. */
    public static UserApi from(int port, String clientAddress) {
        return new UserApi(TestHttp.at(port).header(ClientAddress.HEADER, clientAddress));
    }

    public TestHttp.Response signup(String username, String email, String nickname) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("email", email);
        if (nickname != null) {
            body.put("nickname", nickname);
        }
        return http.post("/api/v1/users/signup", body);
    }

    public TestHttp.Response login(String username, String password) {
        return http.post("/api/v1/users/login", Map.of("username", username, "password", password));
    }

    /** Signs up and logs in; returns the login response's JSON tokens. */
    public TestHttp.Response signupAndLogin(String username) {
        signup(username, username + "@example.com", null);
        return login(username, PASSWORD);
    }
}
