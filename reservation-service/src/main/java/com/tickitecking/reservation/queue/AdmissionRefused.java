package com.tickitecking.reservation.queue;

import com.tickitecking.platform.domain.DomainException;

/** A hold of a waiting-room concert without a good admission token: 403, and the client knows what to do. */
public final class AdmissionRefused extends DomainException {

    private AdmissionRefused(String detail, String reason) {
        super(Kind.FORBIDDEN, "Forbidden", detail);
        with("reason", reason);
    }

    /** No token, or one that is badly signed, expired, or for another concert or account. */
    public static AdmissionRefused required(long concertId) {
        return new AdmissionRefused("This concert has a waiting room: join the queue: POST /api/v1/concerts/"
                + concertId + "/queue, and hold with the Admission-Token it gives you.", "admission-required");
    }

    /** The token made as many holds as one admission may. */
    public static AdmissionRefused usedUp(int holdsPerAdmission) {
        return new AdmissionRefused("This admission has made its " + holdsPerAdmission + " holds; join the queue again.",
                "admission-used-up");
    }
}
