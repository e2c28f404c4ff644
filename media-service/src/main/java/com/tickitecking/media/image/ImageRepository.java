package com.tickitecking.media.image;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

public interface ImageRepository extends JpaRepository<Image, Long> {

    List<Image> findByConcertIdOrderByCreatedAtAscIdAsc(long concertId);
}
