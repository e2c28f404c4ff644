package com.tickitecking.testing;

import java.util.Locale;

/**
 * Short, stable, server-safe names for a test class's database, key prefix, queues and bucket. Set
 * {@code TICKITECKING_TEST_NAMESPACE} (letters and digits) to let two checkouts on one machine run the same tests
 * at once without sharing data.
 */
public final class TestNames {

    private TestNames() {
    }

    public static String of(Class<?> testClass) {
        String simple = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String hash = Integer.toHexString(testClass.getName().hashCode() & 0xfffffff);
        if (simple.length() > 30) {
            simple = simple.substring(0, 30);
        }
        return named(simple + "_" + hash);
    }

    /**
     * A name that is not a test class's (the gateway's running system: {@code system}, {@code system_user}), in the
     * same namespace, so two checkouts starting that system at once do not drop each other's databases.
     */
    public static String named(String name) {
        String namespace = System.getenv().getOrDefault("TICKITECKING_TEST_NAMESPACE", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return (namespace.isEmpty() ? "" : namespace + "_") + name;
    }
}
