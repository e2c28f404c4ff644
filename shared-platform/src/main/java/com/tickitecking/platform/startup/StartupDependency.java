package com.tickitecking.platform.startup;

/**
 * A server a service cannot start without, and how to tell that it answers.
 *
 * @param name  what to call it in the log ("MariaDB", "Redis", "SQS")
 * @param where its address, as configured
 * @param probe throws when the server does not answer (yet)
 */
public record StartupDependency(String name, String where, Probe probe) {

    @FunctionalInterface
    public interface Probe {
        void check() throws Exception;
    }
}
