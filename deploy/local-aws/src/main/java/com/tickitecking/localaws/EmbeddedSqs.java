package com.tickitecking.localaws;

import com.tickitecking.events.EventQueue;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.util.Map;

/**
 * An in-process ElasticMQ speaking the SQS protocol, with the project's queues and dead-letter queues. Clients
 * reach it through {@link SqsSizeCheck}, so a message too large for real SQS is refused here too.
 */
public final class EmbeddedSqs implements AutoCloseable {

    private final SqsSizeCheck front;
    private final SQSRestServer server;
    private final URI endpoint;

    private EmbeddedSqs(SqsSizeCheck front, SQSRestServer server) {
        this.front = front;
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + front.port());
    }

    /** Starts on the given port, or on a free one when {@code port} is 0. */
    public static EmbeddedSqs start(int port) {
        SqsSizeCheck front = SqsSizeCheck.bind(port);
        // ElasticMQ itself on a free port behind the front; the queue URLs it hands out name the front.
        var server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort()
                .withServerAddress(new NodeAddress("http", "127.0.0.1", front.port(), ""))
                .start();
        int backendPort = server.waitUntilStarted().localAddress().getPort();
        front.forwardTo(URI.create("http://127.0.0.1:" + backendPort));
        return new EmbeddedSqs(front, server);
    }

    /** Starts on the given port (0: a free one) with every {@link EventQueue} under the prefix. */
    public static EmbeddedSqs startWithQueues(int port, String prefix) {
        EmbeddedSqs server = start(port);
        server.createQueues(prefix);
        return server;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates every {@link EventQueue} under the prefix, each redriving to its DLQ after 5 receives. */
    public void createQueues(String prefix) {
        try (SqsClient sqs = client()) {
            for (EventQueue queue : EventQueue.values()) {
                String dlqUrl = sqs.createQueue(b -> b.queueName(queue.deadLetterQueueName(prefix))).queueUrl();
                String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
                        + EventQueue.MAX_RECEIVE_COUNT + "\"}";
                sqs.createQueue(b -> b.queueName(queue.queueName(prefix)).attributes(Map.of(
                        QueueAttributeName.REDRIVE_POLICY, redrive,
                        QueueAttributeName.VISIBILITY_TIMEOUT, "30")));
            }
        }
    }

    public SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(endpoint)
                .region(LocalCredentials.REGION)
                .credentialsProvider(LocalCredentials.provider())
                .build();
    }

    @Override
    public void close() {
        front.close();
        server.stopAndWait();
    }
}
