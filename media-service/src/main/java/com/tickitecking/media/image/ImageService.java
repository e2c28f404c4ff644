package com.tickitecking.media.image;

import com.tickitecking.events.ImageDeleted;
import com.tickitecking.events.ImageUploaded;
import com.tickitecking.media.concert.Concert;
import com.tickitecking.media.concert.ConcertRepository;
import com.tickitecking.media.storage.ObjectStore;
import com.tickitecking.platform.outbox.OutboxWriter;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.domain.DomainException;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Upload, listing and removal of concert images. S3 and the database cannot share a transaction, so the order
 * is chosen to leave nothing behind: the object is stored first, then the row and its event are committed
 * together; if that commit fails, the object is removed again.
 */
@Service
public class ImageService {

    private final ImageRepository images;
    private final ConcertRepository concerts;
    private final ObjectStore store;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;
    private final DistributionSummary uploadSize;

    ImageService(ImageRepository images, ConcertRepository concerts, ObjectStore store, OutboxWriter outbox,
                 TransactionTemplate transactions, MeterRegistry meters) {
        this.images = images;
        this.concerts = concerts;
        this.store = store;
        this.outbox = outbox;
        this.transactions = transactions;
        this.uploadSize = DistributionSummary.builder("tickitecking.upload.size")
                .description("Size of accepted image uploads")
                .baseUnit("bytes")
                .register(meters);
    }

    public Image upload(long concertId, ImageKind kind, MultipartFile file, AuthenticatedUser caller) {
        concerts.existing(concertId).checkImagesManagedBy(caller);
        if (file.isEmpty()) {
            throw DomainException.invalid("file", "must not be empty");
        }
        String originalName = FileNames.sanitised(file.getOriginalFilename());
        ImageHeaders.DetectedImage detected;
        try (InputStream in = file.getInputStream()) {
            detected = ImageHeaders.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String key = "concerts/%d/%s.%s".formatted(concertId, UUID.randomUUID(), detected.format().extension());
        ObjectStore.StoredObject stored = store.put(key, file::getInputStream, file.getSize(), detected.format().contentType());
        Image image;
        try {
            image = transactions.execute(status -> {
                Concert concert = concerts.lockExisting(concertId); // it may have been deleted meanwhile
                Image saved = images.saveAndFlush(new Image(concert.getId(), key, originalName,
                        detected.format().contentType(), stored.size(), detected.width(), detected.height(),
                        caller.id(), stored.sha256(), kind));
                outbox.append(ImageUploaded.of(saved.getId(), concertId, kind.name(), saved.path()));
                return saved;
            });
        } catch (RuntimeException e) {
            store.deleteQuietly(key);
            throw e;
        }
        uploadSize.record(stored.size());
        return image;
    }

    @Transactional(readOnly = true)
    public List<Image> list(long concertId) {
        concerts.existing(concertId);
        return images.findByConcertIdOrderByCreatedAtAscIdAsc(concertId);
    }

    @Transactional(readOnly = true)
    public Image get(long imageId) {
        return images.findById(imageId).orElseThrow(() -> DomainException.notFound("image", imageId));
    }

    /**
     * The object goes first: if S3 is down nothing changes (503); if the row's removal then fails, the row
     * points at nothing until the client retries, which succeeds because deleting a missing object succeeds.
     */
    public void delete(long imageId, AuthenticatedUser caller) {
        Image image = get(imageId);
        concerts.existing(image.getConcertId()).checkImagesManagedBy(caller);
        store.delete(image.getObjectKey());
        transactions.executeWithoutResult(status -> {
            if (images.findById(imageId).isPresent()) {
                images.deleteById(imageId);
                outbox.append(ImageDeleted.of(imageId, image.getConcertId()));
            }
        });
    }

    /**
     * The concert is gone: so are its images, objects included. Runs in the event's transaction; a failure to
     * reach S3 rolls it back and the event is retried (deleting objects again is harmless).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deleteAllOf(long concertId) {
        List<Image> doomed = images.findByConcertIdOrderByCreatedAtAscIdAsc(concertId);
        doomed.forEach(image -> store.delete(image.getObjectKey()));
        images.deleteAllInBatch(doomed);
    }

    public ObjectStore.PresignedUrl presign(Image image) {
        return store.presignGet(image.getObjectKey());
    }
}
