package dev.switchboard.config;

import java.util.Locale;

/** What a webhook target may subscribe to (config {@code notifications.webhooks[].events}); see docs/notifications.md. */
public enum NotificationKind {
    BREAKER_OPENED,
    BREAKER_CLOSED,
    BREAKER_HALF_OPEN,
    AVAILABILITY_CHANGED,
    /** A pool's traffic moved to another priority group, or a traffic profile's DNS answer changed. */
    FAILOVER,
    CONFIG_APPLIED,
    CONFIG_REFUSED,
    OPERATOR_ACTION;

    /** The spelling in config files: {@code breakerOpened}, {@code configRefused}, ... */
    public String jsonName() {
        String[] words = name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return name.toString();
    }
}
