package com.tickitecking.localaws;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The fixed, non-secret credentials and region the local stand-ins accept. */
public final class LocalCredentials {

    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret-key";
    public static final Region REGION = Region.AP_NORTHEAST_2;

    private LocalCredentials() {
    }

    public static StaticCredentialsProvider provider() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
    }
}
