package com.tickitecking.localaws;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** An in-process S3Proxy keeping objects as files under a folder, with AWS v4 signatures (presigned URLs work). */
public final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final URI endpoint;

    private EmbeddedS3(S3Proxy proxy) {
        this.proxy = proxy;
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Starts on the given port, or on a free one when {@code port} is 0, storing objects under {@code dataDir}. */
    public static EmbeddedS3 start(int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(dataDir.toAbsolutePath().toString()))
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalCredentials.ACCESS_KEY, LocalCredentials.SECRET_KEY)
                    .build();
            proxy.start();
            while (!"STARTED".equals(proxy.getState())) {
                Thread.sleep(10);
            }
            return new EmbeddedS3(proxy);
        } catch (Exception e) {
            throw new IllegalStateException("S3 stand-in did not start on port " + port, e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public void createBucket(String bucket) {
        try (S3Client s3 = client()) {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (NoSuchBucketException missing) {
                try {
                    s3.createBucket(b -> b.bucket(bucket));
                } catch (BucketAlreadyOwnedByYouException raced) {
                    // another starter created it first: what we wanted
                }
            }
        }
    }

    public S3Client client() {
        return S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(LocalCredentials.REGION)
                .credentialsProvider(LocalCredentials.provider())
                .build();
    }

    /** Stops serving; safe to call when another owner already stopped it. */
    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3 stand-in did not stop", e);
        }
    }
}
