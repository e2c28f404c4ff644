package com.tickitecking.composecheck;

import com.tickitecking.localaws.EmbeddedS3;
import com.tickitecking.localaws.EmbeddedSqs;
import com.tickitecking.testing.TestServers;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigUtil;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each backing service of the compose file is on this machine: MariaDB and Redis as the tests find them
 * ({@link TestServers}: localhost here, containers on a CI runner with Docker), an embedded ElasticMQ with the
 * queues of the compose file's own elasticmq.conf, and an embedded S3Proxy.
 */
final class LocalStandIns implements AutoCloseable {

    /** Where a compose host name and its container port are reachable here. */
    record Endpoint(String host, int containerPort, int port) {
    }

    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();
    private final TestServers.Database database;
    private EmbeddedSqs sqs;
    private EmbeddedS3 s3;

    private LocalStandIns(TestServers.Database database) {
        this.database = database;
    }

    /** Starts or finds a stand-in for every backing service of the file; fails for one it does not know. */
    static LocalStandIns forBackingServices(ComposeFile compose, Path scratch) {
        LocalStandIns standIns = new LocalStandIns(TestServers.database());
        compose.services().values().stream().filter(s -> !s.built() && !ComposeStart.isOneShot(compose, s.name()))
                .forEach(s -> standIns.add(compose, s, scratch));
        return standIns;
    }

    private void add(ComposeFile compose, ComposeFile.Service service, Path scratch) {
        String image = service.image();
        if (image.startsWith("mysql:") || image.startsWith("mariadb:")) {
            Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)").matcher(database.jdbcBase());
            if (!hostPort.find()) {
                throw new IllegalStateException("no host:port in " + database.jdbcBase());
            }
            endpoints.put(service.name(), new Endpoint(hostPort.group(1), 3306, Integer.parseInt(hostPort.group(2))));
        } else if (image.startsWith("redis:")) {
            TestServers.Redis redis = TestServers.redis();
            endpoints.put(service.name(), new Endpoint(redis.host(), 6379, redis.port()));
        } else if (image.contains("elasticmq")) {
            Config conf = ConfigFactory.parseFile(hostFile(compose, service, ".conf").toFile()).resolve();
            sqs = EmbeddedSqs.start(0);
            createQueues(conf);
            endpoints.put(service.name(), new Endpoint("127.0.0.1", conf.getInt("rest-sqs.bind-port"), sqs.endpoint().getPort()));
        } else if (image.contains("s3proxy")) {
            s3 = EmbeddedS3.start(0, scratch.resolve("s3"));
            int containerPort = URI.create(service.environment().get("S3PROXY_ENDPOINT")).getPort();
            endpoints.put(service.name(), new Endpoint("127.0.0.1", containerPort, s3.endpoint().getPort()));
        } else if (image.startsWith("prom/") || image.startsWith("grafana/")) {
            // observability: no service needs it to start, and a service naming it fails in rewrite() below
        } else {
            throw new IllegalStateException("no local stand-in for compose service " + service.name() + " (" + image
                    + "): add one to " + LocalStandIns.class.getSimpleName());
        }
    }

    /** The queues and dead-letter queues as elasticmq.conf declares them (DLQs first: queues name them). */
    private void createQueues(Config conf) {
        Config queues = conf.getConfig("queues");
        try (SqsClient client = sqs.client()) {
            List<String> names = queues.root().keySet().stream()
                    .sorted((a, b) -> Boolean.compare(queue(queues, a).hasPath("deadLettersQueue"), queue(queues, b).hasPath("deadLettersQueue")))
                    .toList();
            for (String name : names) {
                Config queue = queue(queues, name);
                Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
                if (queue.hasPath("defaultVisibilityTimeout")) {
                    attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT,
                            String.valueOf(queue.getDuration("defaultVisibilityTimeout").toSeconds()));
                }
                if (queue.hasPath("deadLettersQueue")) {
                    String dlqUrl = client.getQueueUrl(b -> b.queueName(queue.getString("deadLettersQueue.name"))).queueUrl();
                    String dlqArn = client.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                            .attributes().get(QueueAttributeName.QUEUE_ARN);
                    attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"" + queue.getInt("deadLettersQueue.maxReceiveCount") + "\"}");
                }
                client.createQueue(b -> b.queueName(name).attributes(attributes));
            }
        }
    }

    private static Config queue(Config queues, String name) {
        return queues.getConfig(ConfigUtil.joinPath(name));
    }

    /** The host file a service mounts whose name ends with {@code suffix}. */
    static Path hostFile(ComposeFile compose, ComposeFile.Service service, String suffix) {
        return service.volumes().values().stream().filter(source -> source.endsWith(suffix)).findFirst()
                .map(source -> compose.directory().resolve(source).normalize())
                .orElseThrow(() -> new IllegalStateException(service.name() + " mounts no *" + suffix + " file"));
    }

    Map<String, Endpoint> endpoints() {
        return endpoints;
    }

    TestServers.Database database() {
        return database;
    }

    /** What the compose s3-init one-shot does: create the bucket in the S3 stand-in. */
    void createBucket(String bucket) {
        if (s3 == null) {
            throw new IllegalStateException("a bucket " + bucket + " is created, but the compose file has no S3 service");
        }
        s3.createBucket(bucket);
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
        if (sqs != null) {
            sqs.close();
        }
    }
}
