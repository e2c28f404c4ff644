package com.tickitecking.platform.testing;

import java.util.Locale;

/** Short, stable, server-safe names for a test class's database, key prefix, queues and bucket. */
public final class TestNames {

    private TestNames() {
    }

    public static String of(Class<?> testClass) {
        String simple = testClass.getSimpleName().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
        String hash = Integer.toHexString(testClass.getName().hashCode() & 0xfffffff);
        if (simple.length() > 30) {
            simple = simple.substring(0, 30);
        }
        return simple + "_" + hash;
    }
}
