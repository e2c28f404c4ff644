package com.tickitecking.concert.concert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxTicketsPerBuyer the highest buyer limit an organiser may set for a concert */
@ConfigurationProperties("tickitecking.concerts")
public record ConcertProperties(@DefaultValue("50") int maxTicketsPerBuyer) {
}
