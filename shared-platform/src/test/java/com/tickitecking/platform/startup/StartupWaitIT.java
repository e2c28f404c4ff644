package com.tickitecking.platform.startup;

import com.tickitecking.platform.PlatformTestApplication;
import com.tickitecking.testing.IsolatedInfrastructure;
import com.tickitecking.testing.ServiceProcess;
import com.tickitecking.testing.TcpProxy;
import com.tickitecking.testing.TestNames;
import com.tickitecking.testing.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A service started before its servers answer waits for them and says so, instead of dying. */
@ExtendWith(OutputCaptureExtension.class)
class StartupWaitIT {

    @Test
    void startsOnceTheDatabaseAndRedisAppearAFewSecondsLater(CapturedOutput output) throws Exception {
        // given: nothing listens yet where the service will look for its database and Redis
        int databasePort = ServiceProcess.freePort();
        int redisPort = ServiceProcess.freePort();
        var database = TestServers.database();
        var redis = TestServers.redis();
        List<String> args = arguments(databasePort, redisPort, "5m");
        var databaseLater = appearAfter(3, databasePort, "127.0.0.1", port(database.jdbcBase()));
        var redisLater = appearAfter(6, redisPort, redis.host(), redis.port());

        // when: the service starts now
        try (ConfigurableApplicationContext context = start(args)) {
            // then: it waited, said what for, and works once they answer
            assertThat(output).contains("Waiting for the database at jdbc:mariadb://127.0.0.1:" + databasePort);
            assertThat(output).contains("Waiting for Redis at 127.0.0.1:" + redisPort);
            assertThat(output).contains("Redis at 127.0.0.1:" + redisPort + " answers");
            assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
        } finally {
            databaseLater.get().close();
            redisLater.get().close();
        }
    }

    @Test
    void failsTheStartWithTheLastReasonWhenAServerNeverAnswers() {
        int deadPort = ServiceProcess.freePort();
        var database = TestServers.database();
        List<String> args = arguments(port(database.jdbcBase()), deadPort, "2s");

        assertThatThrownBy(() -> start(args).close())
                .hasStackTraceContaining("Gave up waiting for Redis at 127.0.0.1:" + deadPort + " after");
    }

    private static CompletableFuture<TcpProxy> appearAfter(int seconds, int port, String host, int targetPort) {
        return CompletableFuture.supplyAsync(() -> new TcpProxy(port, host, targetPort),
                CompletableFuture.delayedExecutor(seconds, TimeUnit.SECONDS));
    }

    private static List<String> arguments(int databasePort, int redisPort, String maxWait) {
        Map<String, Object> properties = new HashMap<>(IsolatedInfrastructure.properties(TestNames.of(StartupWaitIT.class)));
        String url = (String) properties.get("spring.datasource.url");
        properties.put("spring.datasource.url", url.replace(":" + port(TestServers.database().jdbcBase()) + "/", ":" + databasePort + "/"));
        properties.put("spring.data.redis.port", redisPort);
        properties.put("tickitecking.startup.max-wait", maxWait);
        properties.put("server.port", 0);
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        return args;
    }

    private static ConfigurableApplicationContext start(List<String> args) {
        return new SpringApplicationBuilder(PlatformTestApplication.class).web(WebApplicationType.SERVLET)
                .run(args.toArray(String[]::new));
    }

    private static int port(String jdbcBase) {
        return Integer.parseInt(jdbcBase.substring(jdbcBase.lastIndexOf(':') + 1));
    }
}
