package id.kanal.store;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoolOptionsTest {
    @Test
    void withSize_keepsTheOtherSettings() {
        PoolOptions two = PoolOptions.DEFAULTS.withSize(2);
        assertEquals(2, two.size());
        assertEquals(PoolOptions.DEFAULTS.connectionTimeout(), two.connectionTimeout());
        assertEquals(PoolOptions.DEFAULTS.keepaliveTime(), two.keepaliveTime());
    }

    @Test
    void create_keepaliveNotShorterThanMaxLifetime_saysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PoolOptions(2,
                Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofMinutes(30), Duration.ofMinutes(30)));
        assertTrue(e.getMessage().contains("keepaliveTime"), e.getMessage());
    }

    @Test
    void create_validationNotShorterThanConnectionTimeout_saysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PoolOptions(2,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(2), Duration.ofMinutes(30)));
        assertTrue(e.getMessage().contains("validationTimeout"), e.getMessage());
    }

    @Test
    void create_zeroSize_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> PoolOptions.DEFAULTS.withSize(0));
    }
}
