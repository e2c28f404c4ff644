package com.tickitecking.gateway.docs;

import com.tickitecking.gateway.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /v3/api-docs/<service>} → that service's {@code /v3/api-docs}, so the Swagger UI served by the gateway
 * shows every service's document (the services render their server URL from the forwarded headers).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsRoutes {

    @Bean
    RouteLocator apiDocsRouteLocator(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, url) -> routes.route("api-docs-" + name, route -> route
                .path("/v3/api-docs/" + name)
                .filters(filter -> filter.setPath("/v3/api-docs"))
                .uri(url)));
        return routes.build();
    }
}
