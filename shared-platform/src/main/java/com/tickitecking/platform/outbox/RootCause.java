package com.tickitecking.platform.outbox;

import java.util.HashSet;
import java.util.Set;

/** The innermost cause of a failure in one line: what an operator reads in {@code last_error} and the log. */
final class RootCause {

    private RootCause() {
    }

    static String of(Throwable e) {
        Throwable root = e;
        Set<Throwable> seen = new HashSet<>();
        while (root.getCause() != null && seen.add(root)) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
