package com.tickitecking.media.storage;

import com.tickitecking.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The bucket, seen as a few operations. Any failure to reach S3 becomes a 503: the client may try again, and
 * nothing has been recorded about an object that was not stored.
 */
@Component
public class ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final S3Properties properties;

    ObjectStore(S3Client s3, S3Presigner presigner, S3Properties properties) {
        this.s3 = s3;
        this.presigner = presigner;
        this.properties = properties;
    }

    /** What was stored: the bytes counted and their SHA-256, both computed while streaming to S3. */
    public record StoredObject(String key, long size, String sha256) {
    }

    /** A URL anyone can GET until {@code expiresAt}. */
    public record PresignedUrl(String url, Instant expiresAt) {
    }

    /** An opener of the bytes to store, called once per attempt. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    public StoredObject put(String key, Content content, long size, String contentType) {
        MessageDigest sha256 = sha256();
        try (var counted = new CountingInputStream(new DigestInputStream(content.open(), sha256))) {
            s3.putObject(b -> b.bucket(properties.bucket()).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromInputStream(counted, size));
            if (counted.count() != size) {
                // S3 stored what it was told to expect; a short read means the upload is not what the client sent
                deleteQuietly(key);
                throw new IllegalStateException("read " + counted.count() + " bytes of " + size + " for " + key);
            }
            return new StoredObject(key, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (SdkException e) {
            throw unavailable(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes an object; deleting one that is not there succeeds, so a retry is safe. */
    public void delete(String key) {
        try {
            s3.deleteObject(b -> b.bucket(properties.bucket()).key(key));
        } catch (SdkException e) {
            throw unavailable(e);
        }
    }

    /** Best effort clean-up after a failure that is already being reported. */
    public void deleteQuietly(String key) {
        try {
            s3.deleteObject(b -> b.bucket(properties.bucket()).key(key));
        } catch (RuntimeException e) {
            log.error("could not remove object {} after a failed upload; it is an orphan now", key, e);
        }
    }

    /** Signs locally, without calling S3. */
    public PresignedUrl presignGet(String key) {
        var presigned = presigner.presignGetObject(p -> p.signatureDuration(properties.presignTtl())
                .getObjectRequest(g -> g.bucket(properties.bucket()).key(key)));
        return new PresignedUrl(presigned.url().toString(), presigned.expiration());
    }

    private ApiException unavailable(SdkException e) {
        log.warn("S3 unavailable: {}", e.getMessage());
        return ApiException.unavailable("Image storage is unavailable; try again shortly.").with("retryAfterSeconds", 5);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }

        long count() {
            return count;
        }
    }
}
