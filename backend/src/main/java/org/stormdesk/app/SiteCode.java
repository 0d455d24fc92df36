package org.stormdesk.app;

import io.micronaut.core.annotation.Nullable;

import java.util.regex.Pattern;

/**
 * What a site's code looks like, wherever a site is named (the floor, the roster, power, evacuation, supplies): lower
 * case letters and digits, then also {@code .}, {@code _} and {@code -}, at most 40. One rule, so that a site set up in
 * one place can be named in every other.
 */
public final class SiteCode {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");

    private SiteCode() {
    }

    public static boolean valid(@Nullable String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
