package com.tickitecking.media.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Creates the bucket at start-up when it is missing, so a fresh local S3 works without a setup step. A failure
 * only warns: the service still starts, and uploads answer 503 until S3 is back.
 */
@Component
class BucketCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BucketCreator.class);

    private final S3Client s3;
    private final S3Properties properties;

    BucketCreator(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.createBucket()) {
            return;
        }
        String bucket = properties.bucket();
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException missing) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
                log.info("created bucket {}", bucket);
            } catch (BucketAlreadyOwnedByYouException raced) {
                // another instance created it first: what we wanted
            } catch (SdkException e) {
                log.warn("could not create bucket {}: {}", bucket, e.getMessage());
            }
        } catch (SdkException e) {
            log.warn("could not check bucket {}: {}", bucket, e.getMessage());
        }
    }
}
