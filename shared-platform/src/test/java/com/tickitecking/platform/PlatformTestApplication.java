package com.tickitecking.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare service with nothing but the platform, to test the platform's mechanisms on real servers. */
@SpringBootApplication
public class PlatformTestApplication {
}
