package com.tickitecking.media.concert;

import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.web.ApiException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The questions the image use cases ask about a concert. */
@Component
public class Concerts {

    private final ConcertRepository concerts;

    Concerts(ConcertRepository concerts) {
        this.concerts = concerts;
    }

    /** The concert, when it exists and was not deleted; 404 otherwise. */
    @Transactional(readOnly = true)
    public Concert existing(long concertId) {
        return concerts.findById(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> ApiException.notFound("concert", concertId));
    }

    /** 404 for an unknown concert, 403 unless the caller owns it or is an admin. */
    @Transactional(readOnly = true)
    public Concert managedBy(long concertId, AuthenticatedUser caller) {
        Concert concert = existing(concertId);
        if (!caller.owns(concert.getOwnerId())) {
            throw ApiException.forbidden("Only the concert's owner or an admin may change its images.");
        }
        return concert;
    }

    /** Like {@link #existing} but holding the row lock until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Concert lockExisting(long concertId) {
        return concerts.findLockedById(concertId).filter(c -> !c.isDeleted())
                .orElseThrow(() -> ApiException.notFound("concert", concertId));
    }
}
