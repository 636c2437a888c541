package id.kanal.channels.smpp;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings from the environment and from {@code kanal.smpp}, and the small rules beside them. */
class SmppConfigTest {
    private static final Config EMPTY = Config.empty();

    @Test
    void create_noHost_smppOffAndTwilioSendsSms() {
        SmppConfig c = SmppConfig.create(EMPTY, Map.of());
        assertFalse(c.enabled());
        assertFalse(c.sendsSms());
    }

    @Test
    void create_environment_oneLinkWithDefaultsAndSmppSendsSms() {
        SmppConfig c = SmppConfig.create(keys(Map.of("KANAL_SMPP_HOST", "smsc.local", "KANAL_SMPP_SYSTEM_ID", "kanal",
                "KANAL_SMPP_PASSWORD", "rahasia", "KANAL_SMPP_SOURCE_ADDR", "1708", "KANAL_SMPP_USSD_CODE", "*123#")), Map.of());
        SmppConnection link = c.connections().get(0);
        assertEquals(2775, link.port());
        assertEquals(10, link.tps());
        assertEquals(Optional.of("*123#"), link.ussdCode());
        assertTrue(c.sendsSms());
        assertFalse(link.toString().contains("rahasia"), link.toString());
    }

    @Test
    void create_yamlList_passwordFromTheNamedVariable() {
        Config smpp = Config.just(ConfigSources.create(Map.of(
                "connections.0.name", "telkomsel", "connections.0.host", "10.0.0.1", "connections.0.system-id", "kanal",
                "connections.0.password-env", "TSEL_PW", "connections.0.source-addr", "+6221500123",
                "connections.0.tps", "25", "connections.0.packed", "true", "reassembly-wait", "PT30S",
                "sms-sender", "twilio")));
        SmppConfig c = SmppConfig.create(smpp, Map.of("TSEL_PW", "pw"));
        SmppConnection link = c.connections().get(0);
        assertEquals("telkomsel", link.name());
        assertEquals("pw", link.password());
        assertEquals(25, link.tps());
        assertTrue(link.packed());
        assertEquals(Duration.ofSeconds(30), c.reassemblyWait());
        assertFalse(c.sendsSms());
        assertEquals(1, link.ton());
        assertEquals("6221500123", link.wireSource());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing password          | KANAL_SMPP_HOST=h,KANAL_SMPP_SYSTEM_ID=k,KANAL_SMPP_SOURCE_ADDR=1708 | kanal.smpp.password (KANAL_SMPP_PASSWORD) is required when SMPP is configured
            password too long         | KANAL_SMPP_HOST=h,KANAL_SMPP_SYSTEM_ID=k,KANAL_SMPP_PASSWORD=123456789,KANAL_SMPP_SOURCE_ADDR=1708 | SMPP connection smsc: system id at most 15 characters, password at most 8, system type at most 12 (SMPP 3.4)
            bad tps                   | KANAL_SMPP_HOST=h,KANAL_SMPP_SYSTEM_ID=k,KANAL_SMPP_PASSWORD=p,KANAL_SMPP_SOURCE_ADDR=1708,KANAL_SMPP_TPS=0 | tps must be a positive number: 0
            smpp sender without smpp  | KANAL_SMS_SENDER=smpp | KANAL_SMS_SENDER=smpp (kanal.smpp.sms-sender) but no SMPP connection is configured
            unknown sender            | KANAL_SMS_SENDER=kannel | kanal.smpp.sms-sender (KANAL_SMS_SENDER) must be smpp or twilio: kannel
            """)
    void create_badSettings_failWithTheKeyNamed(String label, String env, String message) {
        Map<String, String> vars = new java.util.HashMap<>();
        for (String kv : env.split(",")) {
            vars.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> SmppConfig.create(keys(vars), Map.of()))
                .getMessage());
    }

    /** The kanal.smpp subtree as the KANAL_SMPP_* variables set it (app's ConfigKeys maps each onto its key). */
    private static Config keys(Map<String, String> variables) {
        Map<String, String> keys = new java.util.HashMap<>();
        variables.forEach((name, value) -> keys.put(name.equals("KANAL_SMS_SENDER") ? "sms-sender"
                : name.substring("KANAL_SMPP_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-'), value));
        return Config.just(ConfigSources.create(keys));
    }

    @ParameterizedTest(name = "{0} -> ton {1} npi {2}")
    @CsvSource({"+6221500123, 1, 1", "6281234567890, 1, 1", "1708, 3, 1", "KOTA TNG, 5, 0", "*500*22#, 0, 0"})
    void tonAndNpi_fromTheSourceAddressForm(String addr, int ton, int npi) {
        assertEquals(ton, SmppConnection.tonFor(addr));
        assertEquals(npi, SmppConnection.npiFor(addr));
    }

    @ParameterizedTest(name = "{0} with {1} -> [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            *123#       | *123# | ''
            *123*1#     | *123# | 1
            *123*1*2#   | *123# | 1*2
            *123*1*2#   |       | 1*2
            *555#       |       | ''
            """)
    void inputsOf_dialString_takesWhatWasTypedAfterTheCode(String dialled, String code, String inputs) {
        assertEquals(inputs, SmppUssd.inputsOf(dialled, Optional.ofNullable(code)));
    }

    @ParameterizedTest(name = "{0} among *123#, *500#, *500*22# -> [{1}] inputs [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
            *500*22#     | *500*22# | ''
            *500*22*1#   | *500*22# | 1
            *500*22*1*2# | *500*22# | 1*2
            *500*2#      | *500#    | 2
            *500*221#    | *500#    | 221
            *123*2#      | *123#    | 2
            *123#        | *123#    | ''
            *999*1#      |          |
            4            |          |
            """)
    void knownCodeOf_theLongestKnownCodeThatBeginsTheDialString(String dialled, String code, String inputs) {
        Optional<String> found = SmppUssd.knownCodeOf(dialled, Set.of("*123#", "*500#", "*500*22#"));
        assertEquals(Optional.ofNullable(code), found);
        found.ifPresent(c -> assertEquals(inputs, SmppUssd.inputsOf(dialled, found)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            5f2a0001     | 5f2a0001,1596588033
            1596588033   | 1596588033,5f2a0001,92716695603
            msg-77       | msg-77
            """)
    void receiptIdForms_theIdThenTheOtherBase(String id, String forms) {
        assertEquals(java.util.List.of(forms.split(",")), SmppReceipts.idForms(id));
    }
}
