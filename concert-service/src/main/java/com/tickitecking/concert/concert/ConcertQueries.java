package com.tickitecking.concert.concert;

import com.tickitecking.concert.auditorium.Auditorium;
import com.tickitecking.concert.auditorium.AuditoriumRepository;
import com.tickitecking.platform.domain.DomainException;
import com.tickitecking.platform.web.PageResponse;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The public reads, cached in Redis: a concert's detail, and the unfiltered first page of the listing. */
@Service
public class ConcertQueries {

    private final ConcertRepository concerts;
    private final AuditoriumRepository auditoriums;
    private final ConcertCache cache;

    public ConcertQueries(ConcertRepository concerts, AuditoriumRepository auditoriums, ConcertCache cache) {
        this.concerts = concerts;
        this.auditoriums = auditoriums;
        this.cache = cache;
    }

    @Transactional(readOnly = true)
    public ConcertDetailResponse detail(long id) {
        return cache.detail(id, () -> load(id));
    }

    /** Filters are optional (null = any); sorted by start time. Only the unfiltered first page is cached. */
    @Transactional(readOnly = true)
    public PageResponse<ConcertSummary> list(String name, Instant from, Instant to, int page, int size) {
        if (page == 0 && name == null && from == null && to == null) {
            return cache.firstPage(size, () -> search(null, null, null, 0, size));
        }
        return search(name, from, to, page, size);
    }

    private ConcertDetailResponse load(long id) {
        Concert concert = concerts.findById(id).orElseThrow(() -> DomainException.notFound("concert", id));
        Auditorium venue = auditoriums.findById(concert.getAuditoriumId()).orElseThrow();
        return ConcertDetailResponse.of(concert,
                new ConcertDetailResponse.Venue(venue.getId(), venue.getName(), venue.getAddress()), venue.getLayout());
    }

    /** The owner's concerts, with the same filters; never cached (the organiser wants their latest change). */
    @Transactional(readOnly = true)
    public PageResponse<ConcertSummary> listOwnedBy(long ownerId, String name, Instant from, Instant to, int page, int size) {
        return summaries(concerts.searchOwnedBy(ownerId, name, from, to, byStartTime(page, size)));
    }

    private PageResponse<ConcertSummary> search(String name, Instant from, Instant to, int page, int size) {
        return summaries(concerts.search(name, from, to, byStartTime(page, size)));
    }

    private static PageRequest byStartTime(int page, int size) {
        return PageRequest.of(page, size, Sort.by("startTime").and(Sort.by("id")));
    }

    private PageResponse<ConcertSummary> summaries(Page<Concert> found) {
        Set<Long> venueIds = new HashSet<>();
        found.forEach(concert -> venueIds.add(concert.getAuditoriumId()));
        Map<Long, String> venueNames = auditoriums.findAllById(venueIds).stream()
                .collect(Collectors.toMap(Auditorium::getId, Auditorium::getName));
        return PageResponse.of(found, concert -> ConcertSummary.of(concert, venueNames.get(concert.getAuditoriumId())));
    }
}
