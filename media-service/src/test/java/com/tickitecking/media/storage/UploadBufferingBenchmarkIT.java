package com.tickitecking.media.storage;

import com.tickitecking.localaws.LocalCredentials;
import com.tickitecking.media.TestImages;
import com.tickitecking.testing.TestServers;
import io.awspring.cloud.s3.InMemoryBufferingS3OutputStreamProvider;
import io.awspring.cloud.s3.Jackson2JsonS3ObjectConverter;
import io.awspring.cloud.s3.ObjectMetadata;
import io.awspring.cloud.s3.S3Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;

/**
 * Why {@link ObjectStore#put} calls {@code S3Client.putObject} rather than {@code S3Template.upload}: the heap each
 * allocates per upload, against the S3 stand-in. Off unless {@code -Dbenchmark=true}:
 * {@code ./mvnw -q -B verify -pl media-service -am -Dit.test=UploadBufferingBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbenchmark=true}; figures go to standard output.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class UploadBufferingBenchmarkIT {

    static final int UPLOADS = 10;
    static final String BUCKET = "it-upload-buffering";

    @Test
    void measuresHeapAllocatedPerUpload() {
        var server = TestServers.s3();
        server.createBucket(BUCKET);
        try (var client = server.client();
             var presigner = S3Presigner.builder().region(LocalCredentials.REGION)
                     .credentialsProvider(LocalCredentials.provider()).endpointOverride(server.endpoint()).build()) {
            // as Spring Cloud AWS's S3AutoConfiguration builds it
            var template = new S3Template(client, new InMemoryBufferingS3OutputStreamProvider(client, null),
                    new Jackson2JsonS3ObjectConverter(JsonMapper.builder().build()), presigner);
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (byte[] image : new byte[][]{TestImages.png(4, 4), TestImages.pngOfSize(1024 * 1024), TestImages.pngOfSize(5 * 1024 * 1024)}) {
                for (boolean warmUp : new boolean[]{true, false}) {
                    long start = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < UPLOADS; i++) {
                        template.upload(BUCKET, "template-" + i, new ByteArrayInputStream(image),
                                ObjectMetadata.builder().contentType("image/png").build());
                    }
                    long afterTemplate = threads.getCurrentThreadAllocatedBytes();
                    for (int i = 0; i < UPLOADS; i++) {
                        client.putObject(b -> b.bucket(BUCKET).key("client").contentType("image/png").contentLength((long) image.length),
                                RequestBody.fromInputStream(new ByteArrayInputStream(image), image.length));
                    }
                    long afterClient = threads.getCurrentThreadAllocatedBytes();
                    if (!warmUp) {
                        System.out.printf("BENCHMARK %d B image: S3Template.upload %.1f MiB per upload, S3Client.putObject %.1f MiB%n",
                                image.length, mebibytes(afterTemplate - start), mebibytes(afterClient - afterTemplate));
                    }
                }
            }
        }
    }

    private static double mebibytes(long bytes) {
        return bytes / (double) UPLOADS / (1024 * 1024);
    }
}
