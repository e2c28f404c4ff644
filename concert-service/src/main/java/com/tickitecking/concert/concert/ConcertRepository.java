package com.tickitecking.concert.concert;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface ConcertRepository extends JpaRepository<Concert, Long> {

    /** Locks the row: concurrent changes of one concert get consecutive revisions, none is lost. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Concert c where c.id = :id")
    Optional<Concert> findForUpdate(long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from Concert c where c.auditoriumId = :auditoriumId order by c.id")
    List<Concert> findByAuditoriumForUpdate(long auditoriumId);

    boolean existsByAuditoriumId(long auditoriumId);

    /** Every filter is optional; a null one matches everything. */
    @Query("""
            select c from Concert c
            where (:name is null or locate(lower(:name), lower(c.name)) > 0)
              and (:from is null or c.startTime >= :from)
              and (:to is null or c.startTime < :to)""")
    Page<Concert> search(String name, Instant from, Instant to, Pageable page);

    /** The owner's concerts, the same optional filters; read along idx_concert_owner_start_time. */
    @Query("""
            select c from Concert c
            where c.ownerId = :ownerId
              and (:name is null or locate(lower(:name), lower(c.name)) > 0)
              and (:from is null or c.startTime >= :from)
              and (:to is null or c.startTime < :to)""")
    Page<Concert> searchOwnedBy(long ownerId, String name, Instant from, Instant to, Pageable page);
}
