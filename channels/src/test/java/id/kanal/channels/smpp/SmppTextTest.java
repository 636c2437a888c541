package id.kanal.channels.smpp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Outbound encoding and segmentation, and that each segment reads back as it was written. */
class SmppTextTest {

    @ParameterizedTest(name = "{0} packed={1}")
    @CsvSource(delimiter = '|', textBlock = """
            short GSM                    | false | 0 | 1
            short GSM                    | true  | 0 | 1
            escapes {}[]€ count twice    | false | 0 | 1
            emoji 🙏 goes UCS-2           | false | 8 | 1
            """)
    void encode_shortText_onePartInTheRightCoding(String text, boolean packed, int dataCoding, int parts) {
        SmppText.Encoded e = SmppText.encode(text, packed, 1);
        assertEquals(dataCoding, e.dataCoding());
        assertEquals(parts, e.parts().size());
        assertEquals(text, SmppText.decode(e.dataCoding(), e.parts().get(0), 0, packed));
    }

    @ParameterizedTest(name = "{0} chars {1} packed={2}")
    @CsvSource({"161, a, false, 2", "306, a, false, 2", "307, a, true, 3", "71, é, false, 1", "71, ĕ, false, 2",
            "135, ĕ, false, 3"})
    void encode_longText_segmentsWithConcatenationHeaderAndReadsBack(int length, String ch, boolean packed, int parts) {
        String text = ch.repeat(length);
        SmppText.Encoded e = SmppText.encode(text, packed, 0x2A);
        assertEquals(parts, e.parts().size());
        StringBuilder back = new StringBuilder();
        for (int i = 0; i < e.parts().size(); i++) {
            byte[] part = e.parts().get(i);
            if (parts > 1) {
                Udh udh = Udh.parse(part);
                assertEquals(new Concat(0x2A, parts, i + 1), udh.concat().orElseThrow());
                back.append(SmppText.decode(e.dataCoding(), part, udh.length(), packed));
            } else {
                back.append(SmppText.decode(e.dataCoding(), part, 0, packed));
            }
        }
        assertEquals(text, back.toString());
    }

    @Test
    void encode_emojiAtPartBoundary_neverSplitsTheSurrogatePair() {
        String text = "x".repeat(66) + "🙏" + "y".repeat(10);
        SmppText.Encoded e = SmppText.encode(text, false, 1);
        assertEquals(2, e.parts().size());
        assertEquals("x".repeat(66), SmppText.decode(8, e.parts().get(0), 6, false));
    }

    @Test
    void pack_sevenSeptets_matchesTheSpecExample() {
        // 23.038's classic: "hellohello" packs to e8329bfd4697d9ec37
        assertArrayEquals(HexFormat.of().parseHex("e8329bfd4697d9ec37"),
                Gsm338.pack(new byte[0], Gsm338.encode("hellohello")));
    }
}
