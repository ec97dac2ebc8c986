package dev.madoguchi.app.outbox;

import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.status.StatusLevel;
import dev.madoguchi.sync.SyncStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The sync state in words for the status bar and the command line, e.g. "同期：3 件送信待ち・最終同期 10:42・10:45 から
 * バックエンドに接続できません", and its level. Times are local; a time not of today carries its date.
 */
public final class SyncStatusText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d HH:mm");

    private final Messages messages;
    private final ZoneId zone;

    public SyncStatusText(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    public String describe(SyncStatus s, Instant now) {
        String last = s.lastSuccessAt() == null ? messages.get("status.sync.never") : time(s.lastSuccessAt(), now);
        String text = switch (s.state()) {
            case NOT_CONFIGURED -> s.waiting() == 0 && s.blocked() == 0 ? messages.get("status.sync.notConfigured")
                    : messages.get("status.sync.notConfiguredWaiting", s.waiting());
            case STARTING -> messages.get("status.sync.starting", s.waiting());
            case CONNECTED -> s.waiting() == 0 ? messages.get("status.sync.idle", last)
                    : messages.get("status.sync.waiting", s.waiting(), last);
            case UNREACHABLE -> messages.get("status.sync.unreachable", s.waiting(), last,
                    s.unreachableSince() == null ? "?" : time(s.unreachableSince(), now));
            case NOT_AUTHORISED -> messages.get("status.sync.notAuthorised", s.waiting());
            case REVOKED -> messages.get("status.sync.revoked", s.waiting());
        };
        return s.blocked() > 0 ? messages.get("status.sync.blocked", text, s.blocked()) : text;
    }

    public static StatusLevel level(SyncStatus s) {
        return switch (s.state()) {
            case NOT_AUTHORISED, REVOKED -> StatusLevel.ERROR;
            case UNREACHABLE, NOT_CONFIGURED -> StatusLevel.WARNING;
            case STARTING -> StatusLevel.WORKING;
            case CONNECTED -> s.blocked() > 0 ? StatusLevel.WARNING : StatusLevel.OK;
        };
    }

    private String time(Instant at, Instant now) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        return (local.toLocalDate().equals(today) ? TIME : DATE_TIME).format(local);
    }
}
