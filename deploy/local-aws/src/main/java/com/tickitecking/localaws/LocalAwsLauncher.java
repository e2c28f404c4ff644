package com.tickitecking.localaws;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The process {@code ./tickitecking up} starts: SQS on 9324 with every queue and DLQ, S3 on 9000 with the media
 * bucket, objects kept under {@code .local/s3}. Ports, folder, prefix and bucket come from the environment.
 */
public final class LocalAwsLauncher {

    private LocalAwsLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        int sqsPort = Integer.parseInt(env("LOCAL_SQS_PORT", "9324"));
        int s3Port = Integer.parseInt(env("LOCAL_S3_PORT", "9000"));
        Path s3Dir = Path.of(env("LOCAL_S3_DIR", ".local/s3"));
        String prefix = env("SQS_QUEUE_PREFIX", "tickitecking-");
        String bucket = env("S3_BUCKET", "tickitecking-media");

        EmbeddedSqs sqs = EmbeddedSqs.startWithQueues(sqsPort, prefix);
        EmbeddedS3 s3 = EmbeddedS3.start(s3Port, s3Dir);
        s3.createBucket(bucket);
        System.out.println("local SQS at " + sqs.endpoint() + " (queues " + prefix + "*), S3 at " + s3.endpoint()
                + " (bucket " + bucket + ", files in " + s3Dir.toAbsolutePath() + ")");

        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3.close();
            sqs.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
