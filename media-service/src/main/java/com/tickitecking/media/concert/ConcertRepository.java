package com.tickitecking.media.concert;

import com.tickitecking.platform.domain.DomainException;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** The concerts media-service has learnt of, deleted ones included (as tombstones). */
public interface ConcertRepository extends JpaRepository<Concert, Long> {

    /** Row lock: serialises an image insert with the concert's deletion, so no image outlives its concert. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Concert c where c.id = :id")
    Optional<Concert> findLockedById(long id);

    /** The concert, when it exists and was not deleted; not found otherwise. */
    default Concert existing(long concertId) {
        return findById(concertId).filter(concert -> !concert.isDeleted())
                .orElseThrow(() -> DomainException.notFound("concert", concertId));
    }

    /** Like {@link #existing} but holding the row lock until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    default Concert lockExisting(long concertId) {
        return findLockedById(concertId).filter(concert -> !concert.isDeleted())
                .orElseThrow(() -> DomainException.notFound("concert", concertId));
    }
}
