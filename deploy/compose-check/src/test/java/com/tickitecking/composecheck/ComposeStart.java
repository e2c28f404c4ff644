package com.tickitecking.composecheck;

import com.tickitecking.testing.ServiceProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code docker compose up} would do, done on this machine: the database init script, the one-shot
 * services, and each Java service's environment with the compose host names, ports and volume paths replaced
 * by where those things are here. Database and user names get a prefix, in the init script and in the
 * services' environment alike, so the logins and grants the script creates are the ones exercised without
 * touching the databases of {@code ./tickitecking up} (tickitecking_*).
 */
final class ComposeStart {

    private static final Pattern HOST_PORT = Pattern.compile("//([A-Za-z0-9_.-]+):(\\d+)");
    private static final Pattern JDBC_DATABASE = Pattern.compile("^(jdbc:[a-z]+://[^/]+/)([A-Za-z0-9_]+)");
    private static final Pattern CREATED_DATABASE = Pattern.compile("CREATE DATABASE IF NOT EXISTS\\s+`?(\\w+)`?", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATED_USER = Pattern.compile("CREATE USER IF NOT EXISTS\\s+'(\\w+)'@'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern BUCKET = Pattern.compile("s3 mb s3://([a-z0-9.-]+)");
    private static final Duration ONE_SHOT_TIMEOUT = Duration.ofMinutes(2);

    private final ComposeFile compose;
    private final LocalStandIns standIns;
    private final Path scratch;
    private final String prefix;
    /** database and user names of the init script => the prefixed names used here */
    private final Map<String, String> renamed = new LinkedHashMap<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    /** Java service => the free port it listens on here */
    private final Map<String, Integer> ports = new LinkedHashMap<>();

    ComposeStart(ComposeFile compose, LocalStandIns standIns, Path scratch, String prefix) {
        this.compose = compose;
        this.standIns = standIns;
        this.scratch = scratch;
        this.prefix = prefix;
        javaServices().forEach(s -> ports.put(s.name(), ServiceProcess.freePort()));
    }

    /** A service another one waits for to complete (compose's {@code service_completed_successfully}). */
    static boolean isOneShot(ComposeFile compose, String name) {
        return compose.services().values().stream().anyMatch(s -> "service_completed_successfully".equals(s.waitsFor(name)));
    }

    /** The Java services another Java service names (in its environment or depends_on): they stay up while the others start. */
    List<ComposeFile.Service> providers() {
        return javaServices().stream().filter(provider -> javaServices().stream().filter(s -> s != provider).anyMatch(s ->
                s.dependsOn().containsKey(provider.name()) || s.environment().values().stream()
                        .anyMatch(v -> v.equals(provider.name()) || v.contains("//" + provider.name() + ":")))).toList();
    }

    List<ComposeFile.Service> javaServices() {
        return compose.services().values().stream().filter(ComposeFile.Service::built).toList();
    }

    String jarName(ComposeFile.Service service) {
        return required(service.buildArgs(), "SERVICE", service);
    }

    int port(ComposeFile.Service service) {
        return ports.get(service.name());
    }

    // ------------------------------------------------------------------ database --------

    /** Runs the init script the compose database mounts, with prefixed names, on a clean slate. */
    void initDatabase() {
        ComposeFile.Service mysql = compose.services().values().stream()
                .filter(s -> s.volumes().keySet().stream().anyMatch(path -> path.startsWith("/docker-entrypoint-initdb.d/")))
                .findFirst().orElseThrow(() -> new IllegalStateException("no service mounts a /docker-entrypoint-initdb.d script"));
        Path script = LocalStandIns.hostFile(compose, mysql, ".sql");
        String sql = read(script);
        CREATED_DATABASE.matcher(sql).results().forEach(m -> renamed.put(m.group(1), prefix + m.group(1)));
        CREATED_USER.matcher(sql).results().forEach(m -> {
            renamed.put(m.group(1), prefix + m.group(1));
            users.put(prefix + m.group(1), m.group(2));
        });
        dropDatabase();
        for (var entry : renamed.entrySet()) {
            sql = sql.replaceAll("\\b" + Pattern.quote(entry.getKey()) + "\\b", Matcher.quoteReplacement(entry.getValue()));
        }
        execute(statements(sql));
    }

    /** Drops what {@link #initDatabase()} created. */
    void dropDatabase() {
        List<String> drops = new ArrayList<>();
        renamed.values().stream().filter(name -> !users.containsKey(name)).forEach(db -> drops.add("DROP DATABASE IF EXISTS `" + db + "`"));
        users.forEach((user, host) -> drops.add("DROP USER IF EXISTS '" + user + "'@'" + host + "'"));
        execute(drops);
    }

    /** Whether the init script creates a login of this (unprefixed) name. */
    boolean createsUser(String name) {
        return users.containsKey(renamed.get(name));
    }

    private void execute(List<String> statements) {
        var database = standIns.database();
        try (Connection connection = DriverManager.getConnection(database.jdbcBase() + "/", database.username(), database.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database init script failed: " + e.getMessage(), e);
        }
    }

    private static List<String> statements(String script) {
        String withoutComments = script.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        return List.of(withoutComments.split(";\\s*\n")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
    }

    // ----------------------------------------------------------------- one-shots --------

    /**
     * Does what each one-shot service does: the AWS CLI's bucket creation in the S3 stand-in; any other one is
     * run here as it is written (entrypoint and command, container paths mapped to the mounted folders).
     */
    List<String> runOneShots() {
        List<String> failures = new ArrayList<>();
        for (ComposeFile.Service service : compose.services().values()) {
            if (!isOneShot(compose, service.name())) {
                continue;
            }
            if (service.image().startsWith("amazon/aws-cli")) {
                Matcher bucket = BUCKET.matcher(String.join(" ", service.command()));
                if (!bucket.find()) {
                    failures.add(service.name() + ": an AWS CLI one-shot this check does not understand: " + service.command());
                }
                bucket.reset().results().forEach(m -> standIns.createBucket(m.group(1)));
                continue;
            }
            List<String> command = new ArrayList<>();
            service.entrypoint().forEach(word -> command.add(localPath(service, word)));
            service.command().forEach(word -> command.add(localPath(service, word)));
            if (command.isEmpty()) {
                failures.add(service.name() + ": a one-shot without entrypoint or command; this check cannot run its image");
                continue;
            }
            failures.addAll(run(service, command));
        }
        return failures;
    }

    private List<String> run(ComposeFile.Service service, List<String> command) {
        Map<String, String> environment = baseEnvironment();
        service.environment().forEach((key, value) -> environment.put(key, localPath(service, value)));
        // the one-shot's tools as the image has them: a JDK 25 `java` (this JVM's) first on the PATH
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + environment.get("PATH"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            String output;
            try (var in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(ONE_SHOT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of(service.name() + " did not finish within " + ONE_SHOT_TIMEOUT);
            }
            return process.exitValue() == 0 ? List.of()
                    : List.of(service.name() + " exited with " + process.exitValue() + ":\n" + output.indent(4));
        } catch (IOException e) {
            return List.of(service.name() + " could not run " + command + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(service.name() + ": interrupted");
        }
    }

    // --------------------------------------------------------------- environment --------

    /**
     * The environment compose gives this service, pointed at this machine: {@code //host:port} of a compose
     * service becomes its local address, a variable naming a compose service ({@code REDIS_HOST: redis}) its local
     * host and the matching {@code _PORT} its local port, mounted container paths the local folders,
     * {@code SERVER_PORT} a free port, and database and user names the prefixed ones of {@link #initDatabase()}.
     */
    Map<String, String> environmentOf(ComposeFile.Service service) {
        Map<String, String> environment = baseEnvironment();
        // what the image sets (deploy/docker/Dockerfile ENV), before what compose sets
        environment.put("SPRING_APPLICATION_NAME", jarName(service));
        Map<String, String> hostVariables = new LinkedHashMap<>();
        service.environment().forEach((key, value) -> {
            String local = rewriteHostPorts(service, key, value);
            if (compose.services().containsKey(value)) {
                local = endpoint(service, key, value, null).host();
                if (key.endsWith("_HOST")) {
                    hostVariables.put(key.substring(0, key.length() - "_HOST".length()) + "_PORT", value);
                }
            }
            local = localPath(service, local);
            Matcher jdbc = JDBC_DATABASE.matcher(local);
            if (jdbc.find() && renamed.containsKey(jdbc.group(2))) {
                local = jdbc.replaceFirst(Matcher.quoteReplacement(jdbc.group(1) + renamed.get(jdbc.group(2))));
            }
            if (key.endsWith("USERNAME") && createsUser(local)) {
                local = renamed.get(local);
            }
            environment.put(key, local);
        });
        hostVariables.forEach((portKey, host) -> {
            String containerPort = service.environment().get(portKey);
            if (containerPort != null) {
                environment.put(portKey, String.valueOf(endpoint(service, portKey, host, Integer.parseInt(containerPort)).port()));
            }
        });
        environment.put("SERVER_PORT", String.valueOf(port(service)));
        // kept apart from ./tickitecking up and other checkouts sharing this Redis; compose itself has its own Redis
        environment.putIfAbsent("REDIS_KEY_PREFIX", prefix + ":");
        return environment;
    }

    private String rewriteHostPorts(ComposeFile.Service service, String key, String value) {
        Matcher matcher = HOST_PORT.matcher(value);
        StringBuilder local = new StringBuilder();
        while (matcher.find()) {
            String host = matcher.group(1);
            String replacement = matcher.group();
            if (compose.services().containsKey(host)) {
                LocalStandIns.Endpoint endpoint = endpoint(service, key, host, Integer.parseInt(matcher.group(2)));
                replacement = "//" + endpoint.host() + ":" + endpoint.port();
            }
            matcher.appendReplacement(local, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(local);
        return local.toString();
    }

    /** Where compose service {@code host} (on {@code containerPort}, when given) is here. */
    private LocalStandIns.Endpoint endpoint(ComposeFile.Service service, String key, String host, Integer containerPort) {
        LocalStandIns.Endpoint endpoint = standIns.endpoints().get(host);
        ComposeFile.Service target = compose.services().get(host);
        if (endpoint == null && target.built()) {
            String port = target.environment().getOrDefault("SERVER_PORT", target.buildArgs().get("PORT"));
            endpoint = new LocalStandIns.Endpoint("127.0.0.1", Integer.parseInt(port), ports.get(host));
        }
        if (endpoint == null) {
            throw new IllegalStateException(service.name() + ": " + key + " names " + host + ", which has no local stand-in");
        }
        if (containerPort != null && containerPort != endpoint.containerPort()) {
            throw new IllegalStateException(service.name() + ": " + key + " names " + host + ":" + containerPort
                    + ", but " + host + " listens on " + endpoint.containerPort());
        }
        return endpoint;
    }

    /** A container path inside one of the service's volumes, as the folder it maps to here. */
    private String localPath(ComposeFile.Service service, String value) {
        String local = value;
        List<String> mounts = service.volumes().keySet().stream().sorted(Comparator.comparing(String::length).reversed()).toList();
        for (String containerPath : mounts) {
            if (local.contains(containerPath)) {
                local = local.replace(containerPath, volumeFolder(service.volumes().get(containerPath)).toString());
            }
        }
        return local;
    }

    /** A bind mount's host path, or this run's folder for a named volume. */
    private Path volumeFolder(String source) {
        if (source.startsWith(".") || source.startsWith("/")) {
            return compose.directory().resolve(source).normalize();
        }
        try {
            return Files.createDirectories(scratch.resolve("volumes").resolve(source));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A container's environment starts nearly empty: only what a process needs to run at all. */
    private static Map<String, String> baseEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : List.of("PATH", "HOME", "LANG", "TMPDIR")) {
            String value = System.getenv(key);
            if (value != null) {
                environment.put(key, value);
            }
        }
        environment.putIfAbsent("PATH", "/usr/local/bin:/usr/bin:/bin");
        return environment;
    }

    private static String required(Map<String, String> values, String key, ComposeFile.Service service) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(service.name() + " has no build arg " + key);
        }
        return value;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    static String prefix(String namespace) {
        String clean = namespace.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return (clean.length() > 8 ? clean.substring(0, 8) : clean) + "cc_";
    }
}
