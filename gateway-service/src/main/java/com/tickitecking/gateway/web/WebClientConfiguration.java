package com.tickitecking.gateway.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.time.Duration;

/**
 * The web client at {@code /}: Vite's hashed files under {@code /assets/} are cached for a year and never revalidated
 * (a new build has new names); {@code index.html}, which names them, is revalidated on every load, and is the answer
 * to every page of the client-side router. Other files of {@code static/} (the icon) go through Spring Boot's default
 * handler, with {@code no-cache} from {@code spring.web.resources.cache.cachecontrol}.
 */
@Configuration(proxyBeanMethods = false)
public class WebClientConfiguration implements WebFluxConfigurer {

    static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(IMMUTABLE);
    }

    /** Before the gateway's routes, but only for pages (WebClientPaths#isPage), which are never the API. */
    @Bean
    RouterFunction<ServerResponse> webClientPages(@Value("classpath:/static/index.html") Resource index) {
        return RouterFunctions.route(request -> WebClientPaths.isPage(request.exchange().getRequest()) && index.exists(),
                request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache())
                        .bodyValue(index));
    }
}
