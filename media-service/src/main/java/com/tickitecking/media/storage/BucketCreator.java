package com.tickitecking.media.storage;

import io.awspring.cloud.s3.S3Template;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Creates the bucket at start-up when it is missing, so a fresh local S3 works without a setup step. Kept by
 * hand because Spring Cloud AWS has {@code bucketExists} and {@code createBucket} but no setting that creates a
 * bucket on start. A failure only warns: the service still starts, and uploads answer 503 until S3 is back.
 */
@Component
class BucketCreator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BucketCreator.class);

    private final S3Template s3;
    private final StorageProperties properties;

    BucketCreator(S3Template s3, StorageProperties properties) {
        this.s3 = s3;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.createBucket()) {
            return;
        }
        String bucket = properties.bucket();
        boolean exists;
        try {
            exists = s3.bucketExists(bucket);
        } catch (SdkException e) {
            log.warn("could not check bucket {}: {}", bucket, e.getMessage());
            return;
        }
        if (exists) {
            return;
        }
        try {
            s3.createBucket(bucket);
            log.info("created bucket {}", bucket);
        } catch (BucketAlreadyOwnedByYouException raced) {
            // another instance created it first: what we wanted
        } catch (SdkException e) {
            log.warn("could not create bucket {}: {}", bucket, e.getMessage());
        }
    }
}
