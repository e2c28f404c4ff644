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
        String namespace = System.getenv().getOrDefault("TICKITECKING_TEST_NAMESPACE", "").replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        return (namespace.isEmpty() ? "" : namespace + "_") + simple + "_" + hash;
    }
}
