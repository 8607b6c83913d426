package dev.mcsink.localmc.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.threeten.extra.MutableClock;

class AccountsTest {
  private final MutableClock clock = MutableClock.of(Instant.parse("2026-11-25T08:00:00.900Z"), ZoneOffset.UTC);
  private final Accounts accounts = new Accounts(Map.of("ak", "sk"), clock);

  @Test
  void findsConfiguredKeysAndNothingElse() {
    assertThat(accounts.find("ak")).contains(new PermanentCredential("ak", "sk"));
    assertThat(accounts.find("other")).isEmpty();
    assertThat(accounts.find(null)).isEmpty();
  }

  @Test
  void issuedCredentialsAreDistinctAndExpireOnAWholeSecond() {
    TemporaryCredential first = accounts.issue("ak", "acs:ram::1:role/r", Duration.ofSeconds(5));
    TemporaryCredential second = accounts.issue("ak", "acs:ram::1:role/r", Duration.ofSeconds(5));

    assertThat(first.accessId()).isNotEqualTo(second.accessId());
    assertThat(first.securityToken()).isNotEqualTo(second.securityToken());
    assertThat(first.expiration()).isEqualTo(Instant.parse("2026-11-25T08:00:05Z"));
    assertThat(accounts.find(first.accessId())).contains(first);
  }

  @Test
  void expiredCredentialsStayFindableForADaySoClientsAreToldTheyExpired() {
    TemporaryCredential old = accounts.issue("ak", "acs:ram::1:role/r", Duration.ofSeconds(5));

    clock.add(Duration.ofHours(23));
    accounts.issue("ak", "acs:ram::1:role/r", Duration.ofSeconds(5));
    boolean keptAfter23Hours = accounts.find(old.accessId()).isPresent();
    clock.add(Duration.ofHours(2));
    accounts.issue("ak", "acs:ram::1:role/r", Duration.ofSeconds(5));

    assertThat(keptAfter23Hours).isTrue();
    assertThat(accounts.find(old.accessId())).isEmpty();
  }

  @Test
  void onlyPermanentKeysMayHaveCredentialsIssued() {
    TemporaryCredential temporary = accounts.issue("ak", "acs:ram::1:role/r", Duration.ofHours(1));

    assertThatThrownBy(() -> accounts.issue(temporary.accessId(), "acs:ram::1:role/r",
        Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> accounts.issue("unknown", "acs:ram::1:role/r", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textFormsNeverShowSecretsOrTokens() {
    TemporaryCredential temporary = accounts.issue("ak", "acs:ram::1:role/r", Duration.ofHours(1));

    assertThat(new PermanentCredential("ak", "sk").toString()).doesNotContain("sk");
    assertThat(temporary.toString())
        .doesNotContain(temporary.secret()).doesNotContain(temporary.securityToken());
  }
}
