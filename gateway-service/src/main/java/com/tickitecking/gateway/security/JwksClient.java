package com.tickitecking.gateway.security;

import io.netty.channel.ChannelOption;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import java.time.Duration;

/**
 * The one HTTP client of both token decoders' JWKS fetches (access tokens: user-service's keys; admission tokens:
 * reservation-service's). The decoders' default WebClient has no response time-out, so a JWKS endpoint that accepts
 * a connection and never answers would hang every request that needs keys not fetched yet, before routing; with
 * these time-outs the request is refused with a 503 instead (see GatewayErrorHandler and AdmissionFilter).
 */
@Component
public class JwksClient {

    /**
     * @param connectTimeout  how long to wait for the TCP connection to a JWKS endpoint
     * @param responseTimeout how long to wait for its answer (between reads)
     */
    @ConfigurationProperties("tickitecking.gateway.jwks")
    public record Settings(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("2s") Duration responseTimeout) {
    }

    private final WebClient webClient;

    public JwksClient(Settings settings) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** A decoder of RS256 tokens signed by a key of the JWKS at {@code jwksUri}, fetched through this client. */
    public NimbusReactiveJwtDecoder decoder(String jwksUri) {
        return NimbusReactiveJwtDecoder.withJwkSetUri(jwksUri).jwsAlgorithm(SignatureAlgorithm.RS256)
                .webClient(webClient).build();
    }
}
