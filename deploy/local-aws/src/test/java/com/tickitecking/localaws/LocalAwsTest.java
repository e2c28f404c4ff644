package com.tickitecking.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import com.tickitecking.events.EventQueue;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SqsException;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalAwsTest {

    @Test
    void createsEveryQueueWithARedriveToItsDeadLetterQueue() {
        try (var sqs = EmbeddedSqs.start(0); var client = sqs.client()) {
            sqs.createQueues("t1-");

            var url = client.getQueueUrl(b -> b.queueName("t1-seat-events")).queueUrl();
            var redrive = client.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                    .attributes().get(QueueAttributeName.REDRIVE_POLICY);

            assertThat(redrive).contains("t1-seat-events-dlq").contains("5");
            assertThat(client.listQueues(b -> b.queueNamePrefix("t1-")).queueUrls()).hasSize(8);
        }
    }

    @Test
    void takesAMessageOfExactlyTheSqsLimitAndRefusesOneByteMore() {
        try (var sqs = EmbeddedSqs.startWithQueues(0, "t2-"); var client = sqs.client()) {
            var url = client.getQueueUrl(b -> b.queueName("t2-seat-events")).queueUrl();

            client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(EventQueue.MAX_MESSAGE_BYTES)));

            assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(url).messageBody("x".repeat(EventQueue.MAX_MESSAGE_BYTES + 1))))
                    .isInstanceOf(SqsException.class)
                    .hasMessageContaining("Message must be shorter than 262144 bytes");
            assertThat(client.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages()).hasSize(1);
        }
    }

    @Test
    void countsUtf8BytesAndMessageAttributesAsSqsDoes() {
        try (var sqs = EmbeddedSqs.startWithQueues(0, "t3-"); var client = sqs.client()) {
            var url = client.getQueueUrl(b -> b.queueName("t3-seat-events")).queueUrl();
            String hangul = "한".repeat(EventQueue.MAX_MESSAGE_BYTES / 3 + 1); // 87,382 characters, 262,146 bytes
            var attribute = Map.of("trace", MessageAttributeValue.builder().dataType("String").stringValue("t").build());
            String justFits = "x".repeat(EventQueue.MAX_MESSAGE_BYTES - "trace".length() - "String".length() - 1);

            assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(url).messageBody(hangul))).isInstanceOf(SqsException.class);
            client.sendMessage(b -> b.queueUrl(url).messageBody(justFits).messageAttributes(attribute));
            assertThatThrownBy(() -> client.sendMessage(b -> b.queueUrl(url).messageBody(justFits + "x").messageAttributes(attribute)))
                    .isInstanceOf(SqsException.class);
        }
    }

    @Test
    void refusesABatchWhoseMessagesTogetherExceedTheSqsLimit() {
        try (var sqs = EmbeddedSqs.startWithQueues(0, "t4-"); var client = sqs.client()) {
            var url = client.getQueueUrl(b -> b.queueName("t4-seat-events")).queueUrl();
            String half = "x".repeat(EventQueue.MAX_MESSAGE_BYTES / 2);
            var fits = java.util.List.of(entry("0", half), entry("1", half));
            var tooMuch = java.util.List.of(entry("0", half), entry("1", half + "x"));

            assertThat(client.sendMessageBatch(b -> b.queueUrl(url).entries(fits)).successful()).hasSize(2);
            assertThatThrownBy(() -> client.sendMessageBatch(b -> b.queueUrl(url).entries(tooMuch)))
                    .isInstanceOf(SqsException.class)
                    .hasMessageContaining("Batch requests cannot be longer than 262144 bytes");
        }
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    @Test
    void keepsObjectsInTheBucketAsFiles(@TempDir Path dir) {
        try (var s3 = EmbeddedS3.start(0, dir); var client = s3.client()) {
            s3.createBucket("media");
            s3.createBucket("media");

            client.putObject(b -> b.bucket("media").key("a/b.txt"), RequestBody.fromString("hello"));

            assertThat(client.getObjectAsBytes(b -> b.bucket("media").key("a/b.txt")).asUtf8String()).isEqualTo("hello");
            assertThat(dir.resolve("media")).isDirectory();
        }
    }
}
