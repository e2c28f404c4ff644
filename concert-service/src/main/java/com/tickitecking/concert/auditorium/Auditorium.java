package com.tickitecking.concert.auditorium;

import com.tickitecking.events.SeatingLayout;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A venue owned by a company user (or an admin): where it is and how its seats are laid out. Its layout is frozen
 * once a concert is on at it, because the concert's seats, sold or not, derive from it; its name and address may
 * still change.
 */
@Entity
@Table(name = "auditorium")
public class Auditorium {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_id")
    private long ownerId;

    private String name;

    private String address;

    @Convert(converter = SeatingLayoutConverter.class)
    private SeatingLayout layout;

    @Column(name = "total_seats")
    private int totalSeats;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Auditorium() {
    }

    private Auditorium(long ownerId, String name, String address, SeatingLayout layout) {
        this.ownerId = ownerId;
        this.createdAt = Instant.now();
        change(name, address, layout);
    }

    /** A new venue of the caller's, with the requested layout planned within the limits. */
    public static Auditorium open(AuthenticatedUser caller, AuditoriumRequests.Save request, AuditoriumProperties limits) {
        if (caller.role() == Role.USER) {
            throw DomainException.forbidden("Only company users and admins own venues.");
        }
        return new Auditorium(caller.id(), request.name(), request.address(), LayoutPlanner.plan(request.layout(), limits));
    }

    /** Its owner and admins may see and change a venue. */
    public void assertOwnedBy(AuthenticatedUser caller) {
        if (!caller.owns(ownerId)) {
            throw DomainException.forbidden("Auditorium " + id + " is not yours.");
        }
    }

    /**
     * Replaces the venue's name, address and layout; the layout only while no concert is on at it.
     *
     * @param hasConcerts whether a concert is on at this venue
     * @return what changed, which decides what its concerts must be told
     */
    public Change replace(AuditoriumRequests.Save request, AuditoriumProperties limits, boolean hasConcerts) {
        SeatingLayout planned = LayoutPlanner.plan(request.layout(), limits);
        if (!planned.equals(layout) && hasConcerts) {
            throw DomainException.conflict("Auditorium " + id + " has concerts: its layout can no longer change.");
        }
        Change change = new Change(!request.name().equals(name), !request.address().equals(address));
        change(request.name(), request.address(), planned);
        return change;
    }

    /** A venue goes only once its concerts are withdrawn. */
    public void assertRemovable(boolean hasConcerts) {
        if (hasConcerts) {
            throw DomainException.conflict("Auditorium " + id + " has concerts: withdraw them first.");
        }
    }

    private void change(String name, String address, SeatingLayout layout) {
        this.name = name;
        this.address = address;
        this.layout = layout;
        this.totalSeats = layout.totalSeats();
        this.updatedAt = Instant.now();
    }

    /**
     * What a replacement changed: a new name travels in every event of the venue's concerts, a new address only
     * shows in their details.
     */
    public record Change(boolean renamed, boolean moved) {
    }

    public Long getId() {
        return id;
    }

    public long getOwnerId() {
        return ownerId;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public SeatingLayout getLayout() {
        return layout;
    }

    public int getTotalSeats() {
        return totalSeats;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
