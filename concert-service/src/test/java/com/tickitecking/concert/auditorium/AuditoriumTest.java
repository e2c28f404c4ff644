package com.tickitecking.concert.auditorium;

import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditoriumTest {

    static final AuditoriumProperties LIMITS = new AuditoriumProperties(0, 0);
    static final AuthenticatedUser OWNER = new AuthenticatedUser(1, Role.COMPANY_USER);
    static final AuthenticatedUser OTHER_COMPANY = new AuthenticatedUser(2, Role.COMPANY_USER);
    static final AuthenticatedUser ADMIN = new AuthenticatedUser(3, Role.ADMIN);

    @Test
    void onlyCompanyUsersAndAdminsOpenVenuesAndTheyOwnThem() {
        var plainUser = new AuthenticatedUser(4, Role.USER);

        assertThatThrownBy(() -> Auditorium.open(plainUser, save("Hall", "Street 1", 2), LIMITS))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Only company users and admins own venues.");
                });
        assertThat(Auditorium.open(OWNER, save("Hall", "Street 1", 2), LIMITS).getOwnerId()).isEqualTo(1);
        assertThat(Auditorium.open(ADMIN, save("Hall", "Street 1", 2), LIMITS).getOwnerId()).isEqualTo(3);
    }

    @Test
    void opensWithTheLayoutPlannedFromTheRequest() {
        Auditorium venue = Auditorium.open(OWNER, save("Hall", "Street 1", 3), LIMITS);

        assertThat(venue.getTotalSeats()).isEqualTo(30);
        assertThat(venue.getLayout().sections().getFirst().rows()).extracting(row -> row.label())
                .containsExactly("A", "B", "C");
    }

    @Test
    void isItsOwnersAndAnAdminsOnly() {
        Auditorium venue = venue(7);

        assertThatThrownBy(() -> venue.assertOwnedBy(OTHER_COMPANY))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Auditorium 7 is not yours.");
                });
        assertThatCode(() -> venue.assertOwnedBy(OWNER)).doesNotThrowAnyException();
        assertThatCode(() -> venue.assertOwnedBy(ADMIN)).doesNotThrowAnyException();
    }

    @Test
    void keepsItsLayoutOnceAConcertIsOnAtIt() {
        Auditorium venue = venue(7);

        assertThatThrownBy(() -> venue.replace(save("Hall", "Street 1", 4), LIMITS, true))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Auditorium 7 has concerts: its layout can no longer change.");
                });
        assertThat(venue.getTotalSeats()).isEqualTo(20);
    }

    @Test
    void changesItsLayoutWhileNoConcertIsOnAtIt() {
        Auditorium venue = venue(7);

        Auditorium.Change change = venue.replace(save("Hall", "Street 1", 4), LIMITS, false);

        assertThat(change).isEqualTo(new Auditorium.Change(false, false));
        assertThat(venue.getTotalSeats()).isEqualTo(40);
    }

    @Test
    void mayBeRenamedAndMovedWithConcertsAndSaysWhichChanged() {
        Auditorium venue = venue(7);

        Auditorium.Change renamed = venue.replace(save("New Hall", "Street 1", 2), LIMITS, true);
        Auditorium.Change moved = venue.replace(save("New Hall", "Street 2", 2), LIMITS, true);

        assertThat(renamed).isEqualTo(new Auditorium.Change(true, false));
        assertThat(moved).isEqualTo(new Auditorium.Change(false, true));
        assertThat(venue.getName()).isEqualTo("New Hall");
        assertThat(venue.getAddress()).isEqualTo("Street 2");
    }

    @Test
    void isRemovedOnlyWithoutConcerts() {
        Auditorium venue = venue(7);

        assertThatThrownBy(() -> venue.assertRemovable(true))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("Auditorium 7 has concerts: withdraw them first.");
                });
        assertThatCode(() -> venue.assertRemovable(false)).doesNotThrowAnyException();
    }

    /** A saved venue of {@link #OWNER}: section A with two rows of ten seats; the database would give it its id. */
    static Auditorium venue(long id) {
        Auditorium venue = Auditorium.open(OWNER, save("Hall", "Street 1", 2), LIMITS);
        ReflectionTestUtils.setField(venue, "id", id);
        return venue;
    }

    static AuditoriumRequests.Save save(String name, String address, int rows) {
        return new AuditoriumRequests.Save(name, address, new AuditoriumRequests.Layout(List.of(
                new AuditoriumRequests.Section("A", null, null, null, rows, 10))));
    }
}
