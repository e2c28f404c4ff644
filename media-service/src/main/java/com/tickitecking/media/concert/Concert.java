package com.tickitecking.media.concert;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * What media-service knows about a concert, learnt from concert-service's events: who owns it (and so may add
 * or remove its images), at which revision, and whether it was deleted. A deleted concert stays as a tombstone
 * so that an older event arriving late cannot bring it back.
 */
@Entity
@Table(name = "concert")
public class Concert {

    @Id
    private Long id;

    @Column(name = "owner_id")
    private Long ownerId;

    @Column(nullable = false)
    private long revision;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Concert() {
    }

    static Concert known(long id, long ownerId, long revision) {
        var concert = new Concert();
        concert.id = id;
        concert.ownerId = ownerId;
        concert.revision = revision;
        concert.updatedAt = Instant.now();
        return concert;
    }

    static Concert tombstone(long id, long revision) {
        var concert = new Concert();
        concert.id = id;
        concert.revision = revision;
        concert.deleted = true;
        concert.updatedAt = Instant.now();
        return concert;
    }

    /** Applies a newer revision's owner; returns false (and changes nothing) for an older or deleted one. */
    boolean update(long ownerId, long revision) {
        if (deleted || revision <= this.revision) {
            return false;
        }
        this.ownerId = ownerId;
        this.revision = revision;
        this.updatedAt = Instant.now();
        return true;
    }

    /** Final: later updates change nothing, and the highest revision seen is kept. */
    void delete(long revision) {
        this.deleted = true;
        this.revision = Math.max(this.revision, revision);
        this.updatedAt = Instant.now();
    }

    /** Only the concert's owner or an admin may add or remove its images; anyone else is refused. */
    public void checkImagesManagedBy(AuthenticatedUser caller) {
        if (!caller.owns(getOwnerId())) {
            throw DomainException.forbidden("Only the concert's owner or an admin may change its images.");
        }
    }

    public long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId == null ? -1 : ownerId;
    }

    public long getRevision() {
        return revision;
    }

    public boolean isDeleted() {
        return deleted;
    }
}
