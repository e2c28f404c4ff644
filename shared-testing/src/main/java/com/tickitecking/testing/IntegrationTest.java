package com.tickitecking.testing;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextCustomizerFactories;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the whole service on a random port against real servers (see {@link TestServers}), with data of its
 * own ({@link IsolatedInfrastructure}). Reach it with {@link TestHttp}; sign requests with {@link TestTokens}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(IsolatedInfrastructure.Factory.class)
public @interface IntegrationTest {
}
