package com.tickitecking.testing;

import com.tickitecking.localaws.EmbeddedS3;
import com.tickitecking.localaws.EmbeddedSqs;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.mysql.MySQLContainer;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real servers tests run against, started or found once per JVM. MariaDB and Redis on localhost when they
 * answer (this machine, CI here); otherwise MySQL 8 and Redis in Testcontainers when a Docker engine is there
 * (GitHub Actions). SQS and S3 are always the embedded ElasticMQ and S3Proxy.
 */
public final class TestServers {

    /** A database server and how to reach it; each test class gets its own database on it. */
    public record Database(String jdbcBase, String username, String password) {
        public String url(String database) {
            String separator = jdbcBase.startsWith("jdbc:mysql") ? "?allowPublicKeyRetrieval=true&useSSL=false&" : "?";
            return jdbcBase + "/" + database + separator + "createDatabaseIfNotExist=true";
        }
    }

    public record Redis(String host, int port) {
    }

    private static Database database;
    private static Redis redis;
    private static EmbeddedSqs sqs;
    private static SqsClient sqsClient;
    private static EmbeddedS3 s3;

    private TestServers() {
    }

    public static synchronized Database database() {
        if (database == null) {
            if (answers("127.0.0.1", 3306)) {
                database = new Database("jdbc:mariadb://127.0.0.1:3306", "root", "");
            } else if (dockerAvailable()) {
                var mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
                mysql.start();
                database = new Database("jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306), "root", "test");
            } else {
                throw new IllegalStateException("No database for the tests: start MariaDB on 127.0.0.1:3306 "
                        + "(start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd) or run a Docker engine.");
            }
        }
        return database;
    }

    public static synchronized Redis redis() {
        if (redis == null) {
            if (answers("127.0.0.1", 6379)) {
                redis = new Redis("127.0.0.1", 6379);
            } else if (dockerAvailable()) {
                var container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
                container.start();
                redis = new Redis(container.getHost(), container.getMappedPort(6379));
            } else {
                throw new IllegalStateException("No Redis for the tests: start one on 127.0.0.1:6379 "
                        + "(redis-server --daemonize yes --port 6379 --save '') or run a Docker engine.");
            }
        }
        return redis;
    }

    public static synchronized EmbeddedSqs sqs() {
        if (sqs == null) {
            sqs = EmbeddedSqs.start(0);
        }
        return sqs;
    }

    /** One client of {@link #sqs()} for the whole JVM: each {@code EmbeddedSqs.client()} call builds a new one. */
    public static synchronized SqsClient sqsClient() {
        if (sqsClient == null) {
            sqsClient = sqs().client();
        }
        return sqsClient;
    }

    public static synchronized EmbeddedS3 s3() {
        if (s3 == null) {
            try {
                Path dir = Files.createTempDirectory("tickitecking-s3-");
                s3 = EmbeddedS3.start(0, dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return s3;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
