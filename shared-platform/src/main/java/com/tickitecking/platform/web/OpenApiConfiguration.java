package com.tickitecking.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import com.tickitecking.platform.security.AuthenticatedUser;
import com.tickitecking.platform.security.SecurityProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.util.List;

/**
 * Every service's OpenAPI document names the service, declares the bearer-token scheme, and documents what the
 * platform answers besides success ({@link ErrorResponsesCustomizer}), which record components may be null
 * ({@link RecordSchemas}) and that answers carry every field ({@link ResponseFieldsRequired}). The documents are the contract a client is generated from: the gateway's
 * {@code OpenApiContractIT} checks every operation's answers against them, Spectral lints them.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@AutoConfiguration
@EnableConfigurationProperties(SecurityProperties.class)
public class OpenApiConfiguration {

    static {
        // the caller comes from the verified token, not from the request: keep it out of the documents
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedUser.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(Environment environment) {
        String name = environment.getProperty("spring.application.name", "service");
        return new OpenAPI()
                .info(new Info().title("Tickitecking " + name).version("v1")
                        .description("Reached through the gateway at /api/v1/**. Errors are RFC 9457 "
                                + "application/problem+json (the `Problem` schema); a field documented with `null` "
                                + "among its types is sent as `null` when it has no value.")
                        .contact(new Contact().name("Tickitecking")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                // relative: "Try it out" goes to whichever origin served the document, i.e. the gateway
                .servers(List.of(new Server().url("/").description("the gateway (or this service when called directly)")));
    }

    @Bean
    ErrorResponsesCustomizer errorResponsesCustomizer(SecurityProperties security) {
        return new ErrorResponsesCustomizer(security);
    }

    @Bean
    ResponseFieldsRequired responseFieldsRequired() {
        return new ResponseFieldsRequired();
    }

    @Bean
    RecordSchemas recordSchemas() {
        return new RecordSchemas();
    }
}
