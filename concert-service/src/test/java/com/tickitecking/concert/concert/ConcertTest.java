package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.concert.auditorium.AuditoriumProperties;
import com.tickitecking.concert.auditorium.AuditoriumRequests;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.tickitecking.concert.concert.GradeCoverageTest.area;
import static com.tickitecking.concert.concert.GradeCoverageTest.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcertTest {

    static final int MOST_PER_BUYER = 50;
    static final Instant NOW = Instant.parse("2030-05-01T18:00:00Z");
    static final Instant START = NOW.plus(Duration.ofDays(30));
    static final AuthenticatedUser OWNER = new AuthenticatedUser(1, Role.COMPANY_USER);
    static final AuthenticatedUser OTHER_COMPANY = new AuthenticatedUser(2, Role.COMPANY_USER);
    static final AuthenticatedUser ADMIN = new AuthenticatedUser(3, Role.ADMIN);
    static final AuthenticatedUser PLAIN_USER = new AuthenticatedUser(4, Role.USER);

    final Auditorium venue = venue(7, OWNER, 2);

    @Test
    void aPlainUserPutsNoConcertOn() {
        assertForbidden(() -> Concert.assertMayPutOnConcerts(PLAIN_USER), "Only company users and admins put concerts on.");
        assertForbidden(() -> Concert.putOn(PLAIN_USER, venue, save("Gig", null), MOST_PER_BUYER, NOW),
                "Only company users and admins put concerts on.");
        assertThatCode(() -> Concert.assertMayPutOnConcerts(OWNER)).doesNotThrowAnyException();
    }

    @Test
    void onlyTheVenuesOwnerOrAnAdminPutsAConcertOnThere() {
        assertForbidden(() -> Concert.putOn(OTHER_COMPANY, venue, save("Squatter", null), MOST_PER_BUYER, NOW),
                "Auditorium 7 is not yours.");
    }

    @Test
    void aNewConcertBelongsToItsVenuesOwnerAlsoWhenAnAdminPutsItOn() {
        Concert concert = Concert.putOn(ADMIN, venue, save("Booked by admin", null), MOST_PER_BUYER, NOW);

        assertThat(concert.getOwnerId()).isEqualTo(OWNER.id());
        assertThat(concert.getAuditoriumId()).isEqualTo(7);
        assertThat(concert.getTotalSeats()).isEqualTo(20);
        assertThat(concert.getRemainingSeats()).isEqualTo(20);
        assertThat(concert.getRevision()).isEqualTo(1);
    }

    @Test
    void aNewConcertHasItsGradesCheckedAgainstTheVenueAndItsBuyerLimit() {
        Concert concert = Concert.putOn(OWNER, venue, save("Gig", 4), MOST_PER_BUYER, NOW);
        var uncovered = new ConcertRequests.Save("Gaps", null, START, 7L,
                List.of(grade("ALL", "1000", area("A", "A"))), null, null, null, null);

        assertThat(concert.getGrades()).extracting(g -> g.name()).containsExactly("ALL");
        assertThat(concert.getMaxTicketsPerBuyer()).isEqualTo(4);
        assertThatThrownBy(() -> Concert.putOn(OWNER, venue, uncovered, MOST_PER_BUYER, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).isEqualTo("no grade covers row A-B"));
    }

    @Test
    void isItsOwnersAndAnAdminsOnly() {
        Concert concert = concert(11);

        assertForbidden(() -> concert.assertOwnedBy(OTHER_COMPANY), "Concert 11 is not yours.");
        assertThatCode(() -> concert.assertOwnedBy(OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> concert.assertOwnedBy(ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void aReplacementAtTheSameVenueIsANewRevisionWithTheSameSeats() {
        Concert concert = concert(11);

        boolean moved = concert.replace(venue, save("Renamed", 2), MOST_PER_BUYER);

        assertThat(moved).isFalse();
        assertThat(concert.getName()).isEqualTo("Renamed");
        assertThat(concert.getMaxTicketsPerBuyer()).isEqualTo(2);
        assertThat(concert.getRevision()).isEqualTo(2);
        assertThat(concert.getTotalSeats()).isEqualTo(20);
    }

    @Test
    void movesToAnotherVenueOfItsOwnerAndSaysItsSeatsChanged() {
        Concert concert = concert(11);
        Auditorium bigger = venue(8, OWNER, 3);

        boolean moved = concert.replace(bigger, save("Moved", null), MOST_PER_BUYER);

        assertThat(moved).isTrue();
        assertThat(concert.getAuditoriumId()).isEqualTo(8);
        assertThat(concert.getTotalSeats()).isEqualTo(30);
    }

    @Test
    void movesToNoVenueOfAnotherOwner() {
        Concert concert = concert(11);
        Auditorium someoneElses = venue(9, OTHER_COMPANY, 2);

        assertForbidden(() -> concert.replace(someoneElses, save("Moved away", null), MOST_PER_BUYER),
                "A concert can only move to a venue of its own owner.");
        assertThat(concert.getAuditoriumId()).isEqualTo(7);
        assertThat(concert.getRevision()).isEqualTo(1);
    }

    @Test
    void aRefusedReplacementChangesNothing() {
        Concert concert = concert(11);

        assertThatThrownBy(() -> concert.replace(venue, save("Too many", MOST_PER_BUYER + 1), MOST_PER_BUYER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThat(concert.getName()).isEqualTo("Gig");
        assertThat(concert.getRevision()).isEqualTo(1);
    }

    @Test
    void aRenamedVenueGivesItANewRevision() {
        Concert concert = concert(11);

        concert.venueRenamed();

        assertThat(concert.getRevision()).isEqualTo(2);
    }

    @Test
    void aNewConcertWithoutASaleWindowIsOnSaleNowWithoutAWaitingRoom() {
        Concert concert = Concert.putOn(OWNER, venue, save("Gig", null), MOST_PER_BUYER, NOW);

        assertThat(concert.getSale()).isEqualTo(new SaleWindow(null, null, false));
    }

    @Test
    void aNewConcertKeepsItsSaleWindowAndQueuesBuyersWhenItsSaleOpensLater() {
        Instant opens = NOW.plus(Duration.ofDays(2));
        Instant ends = NOW.plus(Duration.ofDays(9));

        Concert concert = Concert.putOn(OWNER, venue, withSale(save("Gig", null), opens, ends, null), MOST_PER_BUYER, NOW);

        assertThat(concert.getSale()).isEqualTo(new SaleWindow(opens, ends, true));
    }

    @Test
    void aNewConcertIsRefusedWhenItsSaleWindowIsNotBeforeItsStart() {
        var endsAfterStart = withSale(save("Late", null), null, START.plusSeconds(1), null);

        assertThatThrownBy(() -> Concert.putOn(OWNER, venue, endsAfterStart, MOST_PER_BUYER, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties().get("errors"))
                        .isEqualTo(List.of(new DomainException.FieldError("saleEndsAt",
                                "must not be after the concert's startTime (" + START + ")"))));
    }

    @Test
    void aReplacementTakesTheNewSaleWindowAndKeepsTheWaitingRoomWhenLeftOut() {
        Concert concert = Concert.putOn(OWNER, venue, withSale(save("Gig", null), NOW.plusSeconds(60), null, null),
                MOST_PER_BUYER, NOW);
        Instant ends = START.minus(Duration.ofDays(1));

        concert.replace(venue, withSale(save("Gig", null), null, ends, null), MOST_PER_BUYER);

        assertThat(concert.getSale()).isEqualTo(new SaleWindow(null, ends, true));
        assertThat(concert.getRevision()).isEqualTo(2);
    }

    @Test
    void aReplacementTurnsTheWaitingRoomOffWhenAsked() {
        Concert concert = Concert.putOn(OWNER, venue, withSale(save("Gig", null), NOW.plusSeconds(60), null, null),
                MOST_PER_BUYER, NOW);

        concert.replace(venue, withSale(save("Gig", null), NOW.plusSeconds(60), null, false), MOST_PER_BUYER);

        assertThat(concert.getSale().waitingRoom()).isFalse();
    }

    @Test
    void aReplacementWithABadSaleWindowChangesNothing() {
        Concert concert = concert(11);

        assertThatThrownBy(() -> concert.replace(venue, withSale(save("Backwards", null), NOW.plusSeconds(60),
                NOW.plusSeconds(60), true), MOST_PER_BUYER))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID));
        assertThat(concert.getName()).isEqualTo("Gig");
        assertThat(concert.getSale()).isEqualTo(new SaleWindow(null, null, false));
        assertThat(concert.getRevision()).isEqualTo(1);
    }

    private static void assertForbidden(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
            assertThat(e.getMessage()).isEqualTo(detail);
        });
    }

    /** A saved concert "Gig" of {@link #OWNER} at {@link #venue}. */
    private Concert concert(long id) {
        Concert concert = Concert.putOn(OWNER, venue, save("Gig", null), MOST_PER_BUYER, NOW);
        ReflectionTestUtils.setField(concert, "id", id);
        return concert;
    }

    /** One grade over the whole of section A (the only section of these venues). */
    private static ConcertRequests.Save save(String name, Integer maxTicketsPerBuyer) {
        return new ConcertRequests.Save(name, null, START, 7L,
                List.of(grade("ALL", "1000", area("A"))), maxTicketsPerBuyer, null, null, null);
    }

    private static ConcertRequests.Save withSale(ConcertRequests.Save save, Instant startsAt, Instant endsAt,
                                                 Boolean waitingRoom) {
        return new ConcertRequests.Save(save.name(), save.description(), save.startTime(), save.auditoriumId(),
                save.grades(), save.maxTicketsPerBuyer(), startsAt, endsAt, waitingRoom);
    }

    /** A saved venue: section A with {@code rows} rows of ten seats; the database would give it its id. */
    private static Auditorium venue(long id, AuthenticatedUser owner, int rows) {
        Auditorium venue = Auditorium.open(owner, new AuditoriumRequests.Save("Hall " + id, "Street 1",
                new AuditoriumRequests.Layout(List.of(new AuditoriumRequests.Section("A", null, null, null, rows, 10)))),
                new AuditoriumProperties(0, 0));
        ReflectionTestUtils.setField(venue, "id", id);
        return venue;
    }
}
