package com.tickitecking.localaws;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

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
