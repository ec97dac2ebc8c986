package dev.madoguchi.app.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.madoguchi.app.i18n.Language;
import dev.madoguchi.app.i18n.Messages;
import dev.madoguchi.app.status.StatusLevel;
import dev.madoguchi.sync.SyncState;
import dev.madoguchi.sync.SyncStatus;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SyncStatusTextTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Instant NOW = Instant.parse("2026-12-01T01:50:00Z"); // 10:50 in Tokyo
    private final SyncStatusText ja = new SyncStatusText(new Messages(Language.JAPANESE), TOKYO);
    private final SyncStatusText en = new SyncStatusText(new Messages(Language.ENGLISH), TOKYO);

    @Test
    void anUnreachableBackendIsSaidWithTheWaitingCountTheLastSyncAndSinceWhen() {
        SyncStatus s = new SyncStatus(SyncState.UNREACHABLE, 3, 0, Instant.parse("2026-12-01T01:42:00Z"),
                Instant.parse("2026-12-01T01:45:00Z"), NOW.plusSeconds(30), "NETWORK: connection refused");
        assertThat(ja.describe(s, NOW)).isEqualTo("同期：3 件送信待ち・最終同期 10:42・10:45 からバックエンドに接続できません");
        assertThat(en.describe(s, NOW)).isEqualTo("Sync: 3 waiting, last sync 10:42, backend unreachable since 10:45");
        assertThat(SyncStatusText.level(s)).isEqualTo(StatusLevel.WARNING);
    }

    @Test
    void blockedMessagesAreAddedAndALastSyncOfAnotherDayCarriesItsDate() {
        SyncStatus s = new SyncStatus(SyncState.CONNECTED, 0, 2, Instant.parse("2026-11-29T23:10:00Z"), null, null,
                null);
        assertThat(ja.describe(s, NOW))
                .isEqualTo("同期：送信待ちなし・最終同期 11/30 08:10・2 件は送信できません（要対応：再送・破棄・書き出し）");
        assertThat(SyncStatusText.level(s)).isEqualTo(StatusLevel.WARNING);
    }

    @Test
    void aPausedSyncIsAnErrorInWords() {
        SyncStatus s = new SyncStatus(SyncState.REVOKED, 5, 0, null, null, null, "403");
        assertThat(ja.describe(s, NOW)).contains("停止中").contains("無効").contains("5 件送信待ち");
        assertThat(SyncStatusText.level(s)).isEqualTo(StatusLevel.ERROR);
        SyncStatus never = new SyncStatus(SyncState.CONNECTED, 1, 0, null, null, null, null);
        assertThat(ja.describe(never, NOW)).isEqualTo("同期：1 件送信待ち・最終同期 未同期");
    }
}
