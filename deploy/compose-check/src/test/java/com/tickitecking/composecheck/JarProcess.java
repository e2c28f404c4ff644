package com.tickitecking.composecheck;

import com.tickitecking.testing.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A service jar started as its container would be: nothing but the given environment (no inherited variables,
 * no command-line properties), so only what compose sets configures it. Written here rather than reusing the
 * test kit's ServiceProcess, which configures a service by command-line properties: here the environment itself
 * is what is checked, and the port must be known before the start because the services name each other.
 */
final class JarProcess implements AutoCloseable {

    /** Lines of a failed start that say why: the root causes, else the exception, else Spring Boot's failure analysis, else errors. */
    private static final List<Pattern> CAUSES = List.of(Pattern.compile("^Caused by: .*"),
            Pattern.compile("^[\\w.$]+(Exception|Error)(: .*)?$"), Pattern.compile("^(Description:|Reason:|Action:).*"),
            Pattern.compile(".*\\b(ERROR|Exception)\\b.*"));
    private static final int CAUSE_LINES = 3;
    private static final int CAUSE_LENGTH = 400;

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private JarProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static JarProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -pl " + name + " -DskipTests)");
        }
        String java = ServiceProcess.javaExecutable();
        // the heap and GC flags of ./tickitecking up: several JVMs share two cores here
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto", "-jar", jar.toString()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Path log = Files.createDirectories(logDir).resolve(name + ".log");
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new JarProcess(name, process, port, log);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    String name() {
        return name;
    }

    /** Empty once the service reports ready; otherwise why it did not (it exited, or the time ran out). */
    Optional<String> awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                return Optional.of(name + " exited with " + process.exitValue() + " while starting:\n" + causes());
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Optional.empty();
                }
            } catch (IOException notListeningYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of(name + ": interrupted");
            }
            pause();
        }
        return Optional.of(name + " was not ready within " + timeout + ":\n" + causes());
    }

    private String causes() {
        try {
            List<String> lines = Files.readAllLines(log);
            for (Pattern cause : CAUSES) {
                List<String> found = lines.stream().filter(line -> cause.matcher(line).matches())
                        .map(line -> line.length() > CAUSE_LENGTH ? line.substring(0, CAUSE_LENGTH) + " ..." : line).toList();
                if (!found.isEmpty()) {
                    return String.join("\n", found.subList(Math.max(0, found.size() - CAUSE_LINES), found.size())).indent(4)
                            + "    (whole log: " + log.toAbsolutePath() + ")";
                }
            }
            return "    (nothing in the log says why: " + log.toAbsolutePath() + ")";
        } catch (IOException e) {
            return "    (no log at " + log.toAbsolutePath() + ")";
        }
    }

    /** Killed, not shut down: only its start is checked, and a graceful stop waits out SQS long polls. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
