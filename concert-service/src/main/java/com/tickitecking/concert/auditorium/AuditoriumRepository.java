package com.tickitecking.concert.auditorium;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

public interface AuditoriumRepository extends JpaRepository<Auditorium, Long> {

    Page<Auditorium> findByOwnerId(long ownerId, Pageable page);

    /**
     * Locks the venue row: a layout change and a new concert on the same venue are serialised, so a concert can
     * never be created from a layout that is being replaced.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Auditorium a where a.id = :id")
    Optional<Auditorium> findForUpdate(long id);
}
