package org.stormdesk;

import io.micronaut.runtime.Micronaut;

/** Starts Stormdesk: the API and the PWA it serves. */
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args)
                .mainClass(Application.class)
                .deduceCloudEnvironment(false)
                .banner(false)
                .start();
    }
}
