package com.tickitecking.gateway;

import com.tickitecking.testing.IsolatedInfrastructure;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TestAdmissionTokens;
import com.tickitecking.testing.TestNames;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every service started once per test JVM from its jar, as {@code ./tickitecking up} runs them: each with its
 * own database, all sharing one set of queues, one Redis namespace and one bucket, so events flow between
 * them as in production. The gateway under test is pointed at them.
 */
final class RunningSystem {

    static final List<String> SERVICES = List.of("user-service", "concert-service", "seat-service",
            "reservation-service", "media-service");
    static final String ADMIN = "sys_admin";
    static final String ADMIN_PASSWORD = "Sys!admin1";

    private static Map<String, ServiceProcess> running;

    private RunningSystem() {
    }

    static synchronized Map<String, ServiceProcess> services() {
        if (running == null) {
            Map<String, Object> shared = IsolatedInfrastructure.properties(TestNames.named("system"));
            Map<String, Future<ServiceProcess>> starting = new LinkedHashMap<>();
            try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
                for (String service : SERVICES) {
                    Map<String, Object> properties = new HashMap<>(IsolatedInfrastructure.properties(
                            TestNames.named("system_" + service.replace("-service", ""))));
                    for (String key : List.of("tickitecking.messaging.queue-prefix", "tickitecking.redis.key-prefix", "tickitecking.s3.bucket")) {
                        properties.put(key, shared.get(key));
                    }
                    properties.put("tickitecking.admin.username", ADMIN);
                    properties.put("tickitecking.admin.password", ADMIN_PASSWORD);
                    // every end-to-end test signs its accounts up from 127.0.0.1, the browser tests too: more than
                    // the 20 an hour one address may make (user-service's own tests check that limit)
                    properties.put("tickitecking.throttle.signup.per-address", "1000");
                    // reservation-service signs admission tokens with it; the gateway checks them against its JWKS
                    properties.put("tickitecking.waiting-room.private-key", TestAdmissionTokens.privateKeyPem());
                    starting.put(service, starter.submit(() -> ServiceProcess.start(service, properties)));
                }
            }
            Map<String, ServiceProcess> started = new LinkedHashMap<>();
            IllegalStateException failure = null;
            for (var entry : starting.entrySet()) {
                if (entry.getValue().state() == Future.State.SUCCESS) {
                    started.put(entry.getKey(), entry.getValue().resultNow());
                } else if (failure == null) {
                    failure = new IllegalStateException(entry.getKey() + " did not start", entry.getValue().exceptionNow());
                }
            }
            if (failure != null) {
                started.values().forEach(ServiceProcess::close);
                throw failure;
            }
            running = started;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.values().forEach(ServiceProcess::close)));
        }
        return running;
    }

    static String url(String service) {
        return services().get(service).url();
    }

    /** The gateway's settings pointing at the running services. */
    static Map<String, String> gatewayProperties() {
        Map<String, String> properties = new HashMap<>();
        services().forEach((name, process) -> {
            properties.put(name.replace("-service", "").toUpperCase() + "_SERVICE_URL", process.url());
            properties.put("tickitecking.gateway.services." + name, process.url());
        });
        properties.put("tickitecking.gateway.jwks-uri", url("user-service") + "/.well-known/jwks.json");
        properties.put("tickitecking.gateway.admission.jwks-uri", url("reservation-service") + "/.well-known/admission-jwks.json");
        // the end-to-end flows are one client doing many things quickly
        properties.put("tickitecking.gateway.rate-limit.requests-per-second", "1000");
        properties.put("tickitecking.gateway.rate-limit.burst", "2000");
        return properties;
    }
}
