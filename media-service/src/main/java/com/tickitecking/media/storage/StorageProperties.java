package com.tickitecking.media.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where images are kept and how long their URLs live. The S3 client itself (endpoint, path-style addressing,
 * region, credentials) is Spring Cloud AWS's, configured under {@code spring.cloud.aws.*}; application.yml feeds
 * it {@code tickitecking.s3.endpoint} and {@code tickitecking.s3.path-style} so that those names keep working.
 *
 * @param bucket       the bucket holding every image
 * @param presignTtl   how long a presigned GET URL stays valid
 * @param createBucket create the bucket at start-up when it is missing (locally; on AWS Terraform owns it)
 */
@ConfigurationProperties("tickitecking.s3")
public record StorageProperties(String bucket, Duration presignTtl, boolean createBucket) {

    public StorageProperties {
        bucket = bucket == null || bucket.isBlank() ? "tickitecking-media" : bucket;
        presignTtl = presignTtl == null ? Duration.ofMinutes(5) : presignTtl;
    }
}
