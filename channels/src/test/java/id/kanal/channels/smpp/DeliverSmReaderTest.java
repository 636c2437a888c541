package id.kanal.channels.smpp;

import org.jsmpp.bean.DeliverSm;
import org.jsmpp.util.DefaultDecomposer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Recorded {@code deliver_sm} PDUs (hex, in {@code fixtures/smpp/}) read into Kanal's records;
 * the bad ones in the same table. Read by jSMPP's own decoder, as on the wire.
 */
class DeliverSmReaderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gsm_unpacked       | false | part from=6281234567890 to=1708 text=Halo {x} €5 concat=-
            gsm_packed         | true  | part from=6281234567890 to=1708 text=Jalan rusak concat=-
            latin1             | false | part from=6281234567890 to=1708 text=Café Ñoño concat=-
            ucs2_emoji         | false | part from=6281234567890 to=1708 text=Jalan rusak 🙏 concat=-
            message_payload    | false | part from=6281234567890 to=1708 text=Lampu jalan mati di Jl. Sudirman depan pasar sejak tiga hari, mohon segera diperbaiki karena gelap sekali pada malam hari dan rawan kecelakaan bagi pengendara motor. concat=-
            udh8_part1         | false | part from=6281234567890 to=1708 text=Sampah menumpuk  concat=167/2#1
            udh8_part2         | false | part from=6281234567890 to=1708 text=di Pasar Anyar concat=167/2#2
            udh16_part         | false | part from=6281234567890 to=1708 text=Banjir concat=4660/3#2
            sar_part           | false | part from=6281234567890 to=1708 text=jalan concat=258/2#1
            receipt_tlv        | false | receipt id=5f2a9c01 DELIVERED stat=DELIVRD err=-
            receipt_text       | false | receipt id=5f2a9c02 FAILED stat=UNDELIV err=034
            ussd_pssr          | false | ussd from=6281234567890 op=1 text=*123# session=2560 ref=7
            bad_unknown_coding | false | error: data_coding 0x4 not supported
            bad_truncated_udh  | false | error: UDH length 5 exceeds short_message (4 octets)
            bad_receipt_no_id  | false | error: delivery receipt without receipted_message_id or id:
            bad_odd_ucs2       | false | error: UCS-2 text has an odd number of octets (3)
            """)
    void read_recordedPdu_mapsToKanalRecord(String fixture, boolean packed, String expected) throws Exception {
        DeliverPdu pdu = DeliverPdu.of(fixture(fixture));
        String actual;
        try {
            actual = describe(DeliverSmReader.read(pdu, packed));
        } catch (MalformedPduException e) {
            actual = "error: " + e.getMessage();
        }
        assertEquals(expected, actual);
    }

    static DeliverSm fixture(String name) throws Exception {
        try (InputStream in = DeliverSmReaderTest.class.getResourceAsStream("/fixtures/smpp/" + name + ".hex")) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            byte[] pdu = HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
            return new DefaultDecomposer().deliverSm(pdu);
        }
    }

    private static String describe(SmppInbound in) {
        return switch (in) {
            case SmppInbound.Part p -> "part from=" + p.source() + " to=" + p.dest() + " text=" + p.text() + " concat="
                    + p.concat().map(c -> c.ref() + "/" + c.total() + "#" + c.seq()).orElse("-");
            case SmppInbound.Receipt r -> "receipt id=" + r.messageId() + " " + r.outcome() + " stat=" + r.stat()
                    + " err=" + r.error().orElse("-");
            case SmppInbound.Ussd u -> "ussd from=" + u.source() + " op=" + u.op() + " text=" + u.text() + " session="
                    + u.sessionInfo().map(String::valueOf).orElse("-") + " ref=" + u.userRef().map(String::valueOf).orElse("-");
        };
    }
}
