package org.stormdesk.notify;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a notice can go. Personal channels reach each recipient at their own address (the app's inbox,
 * Web Push to the devices where they turned it on, email, SMS); group channels post once per notice to a group chat or a system (a robot's webhook).
 */
public enum Channel {
    APP(false), PUSH(false), EMAIL(false), SMS(false), WEBHOOK(true), DINGTALK(true), WECOM(true), FEISHU(true), SLACK(true);

    private final boolean group;

    Channel(boolean group) {
        this.group = group;
    }

    public boolean group() {
        return group;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Channel> parse(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst();
    }
}
