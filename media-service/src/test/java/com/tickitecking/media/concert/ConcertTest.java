package com.tickitecking.media.concert;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcertTest {

    static final long OWNER = 21;
    static final long NEW_OWNER = 22;

    @Test
    void aNewerRevisionHandsTheConcertToItsNewOwner() {
        Concert concert = Concert.known(1, OWNER, 1);

        boolean applied = concert.update(NEW_OWNER, 2);

        assertThat(applied).isTrue();
        assertThat(concert.getOwnerId()).isEqualTo(NEW_OWNER);
        assertThat(concert.getRevision()).isEqualTo(2);
    }

    @Test
    void anOlderOrTheSameRevisionChangesNothing() {
        Concert concert = Concert.known(1, OWNER, 3);

        assertThat(concert.update(NEW_OWNER, 2)).isFalse();
        assertThat(concert.update(NEW_OWNER, 3)).isFalse();

        assertThat(concert.getOwnerId()).isEqualTo(OWNER);
        assertThat(concert.getRevision()).isEqualTo(3);
    }

    @Test
    void aDeletedConcertStaysDeletedWhateverArrivesLater() {
        Concert concert = Concert.known(1, OWNER, 1);
        concert.delete(2);

        boolean applied = concert.update(NEW_OWNER, 5);

        assertThat(applied).isFalse();
        assertThat(concert.isDeleted()).isTrue();
        assertThat(concert.getOwnerId()).isEqualTo(OWNER);
    }

    @Test
    void aLateDeletionKeepsTheHighestRevisionSeen() {
        Concert concert = Concert.known(1, OWNER, 4);

        concert.delete(2);

        assertThat(concert.isDeleted()).isTrue();
        assertThat(concert.getRevision()).isEqualTo(4);
    }

    @Test
    void aDeletionLearntFirstLeavesATombstoneWithoutOwner() {
        Concert tombstone = Concert.tombstone(1, 2);

        assertThat(tombstone.isDeleted()).isTrue();
        assertThat(tombstone.update(OWNER, 1)).isFalse();
        assertThat(tombstone.update(OWNER, 3)).isFalse();
        assertThatThrownBy(() -> tombstone.checkImagesManagedBy(companyUser(OWNER))).isInstanceOf(DomainException.class);
    }

    @Test
    void letsItsOwnerChangeItsImages() {
        Concert concert = Concert.known(1, OWNER, 1);

        assertThatCode(() -> concert.checkImagesManagedBy(companyUser(OWNER))).doesNotThrowAnyException();
    }

    @Test
    void letsAnAdminChangeTheImagesOfAnyConcert() {
        Concert concert = Concert.known(1, OWNER, 1);

        assertThatCode(() -> concert.checkImagesManagedBy(new AuthenticatedUser(99, Role.ADMIN))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnyoneElse() {
        Concert concert = Concert.known(1, OWNER, 1);

        assertThatThrownBy(() -> concert.checkImagesManagedBy(companyUser(NEW_OWNER)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Only the concert's owner or an admin may change its images.");
                });
    }

    @Test
    void theFormerOwnerMayNoLongerChangeImagesAfterAHandOver() {
        Concert concert = Concert.known(1, OWNER, 1);
        concert.update(NEW_OWNER, 2);

        assertThatThrownBy(() -> concert.checkImagesManagedBy(companyUser(OWNER))).isInstanceOf(DomainException.class);
        assertThatCode(() -> concert.checkImagesManagedBy(companyUser(NEW_OWNER))).doesNotThrowAnyException();
    }

    private static AuthenticatedUser companyUser(long id) {
        return new AuthenticatedUser(id, Role.COMPANY_USER);
    }
}
