package com.tickitecking.media.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where images are kept.
 *
 * @param endpoint     S3 endpoint override (S3Proxy locally); empty means real AWS
 * @param bucket       the bucket holding every image
 * @param region       the bucket's region
 * @param pathStyle    {@code http://host/bucket/key} addressing, which local stand-ins need
 * @param accessKey    static credentials; when empty the SDK's default chain is used (e.g. the ECS task role)
 * @param secretKey    goes with {@code accessKey}
 * @param presignTtl   how long a presigned GET URL stays valid
 * @param createBucket create the bucket at start-up when it is missing (locally; on AWS Terraform owns it)
 */
@ConfigurationProperties("tickitecking.s3")
public record S3Properties(String endpoint, String bucket, String region, boolean pathStyle,
                           String accessKey, String secretKey, Duration presignTtl, boolean createBucket) {

    public S3Properties {
        bucket = blank(bucket) ? "tickitecking-media" : bucket;
        region = blank(region) ? "ap-northeast-2" : region;
        presignTtl = presignTtl == null ? Duration.ofMinutes(5) : presignTtl;
    }

    public boolean hasEndpoint() {
        return !blank(endpoint);
    }

    public boolean hasStaticCredentials() {
        return !blank(accessKey) && !blank(secretKey);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
