package id.kanal.services.complaints;


import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.GeoPoint;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.dialog.port.FiledComplaint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DuplicateLinkingTest extends DeskTest {
    private static final GeoPoint HERE = new GeoPoint(-6.1783, 106.6319);
    private int keys;

    private FiledComplaint file(String category, String location, Optional<GeoPoint> point) {
        keys++;
        return desk.file(complaint("k" + keys, new Address(Channel.SMS, "+62812000000" + keys), category, location, point));
    }

    /** A point {@code meters} north of HERE (one degree of latitude is about 111.2 km). */
    private static Optional<GeoPoint> north(double meters) {
        return Optional.of(new GeoPoint(HERE.latitude() + meters / 111_195.0, HERE.longitude()));
    }

    @Test
    void file_sameCategoryWithin200m_linkedToOpenOriginal() {
        FiledComplaint original = file("jalan-rusak", "Depan pasar", Optional.of(HERE));
        FiledComplaint near = file("jalan-rusak", "Dekat masjid", north(190));
        assertEquals(Optional.empty(), original.duplicateOf());
        assertEquals(Optional.of(original.ticket()), near.duplicateOf());
        assertEquals("TNG-000002", near.ticket());
        assertEquals(Optional.of(original.ticket()), desk.queries().detail(near.ticket()).orElseThrow().duplicateOf());
    }

    @Test
    void file_sameCategoryAt250m_notLinked() {
        file("jalan-rusak", "Depan pasar", Optional.of(HERE));
        assertEquals(Optional.empty(), file("jalan-rusak", "Dekat masjid", north(250)).duplicateOf());
    }

    @Test
    void file_sameNormalisedTextWithin7Days_linked() {
        FiledComplaint original = file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        clock.advance(Duration.ofDays(6));
        assertEquals(Optional.of(original.ticket()), file("sampah", "jalan merdeka 12", north(5000)).duplicateOf());
    }

    @Test
    void file_sameTextAfter7Days_notLinked() {
        file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        assertEquals(Optional.empty(), file("sampah", "Jl. Merdeka No. 12", Optional.empty()).duplicateOf());
    }

    @Test
    void file_sameTextOtherCategory_notLinked() {
        file("sampah", "Jl. Merdeka No. 12", Optional.of(HERE));
        assertEquals(Optional.empty(), file("jalan-rusak", "Jl. Merdeka No. 12", Optional.of(HERE)).duplicateOf());
    }

    @Test
    void file_originalClosed_notLinked() {
        FiledComplaint original = file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        desk.changeStatus(original.ticket(), ComplaintStatus.RESOLVED, "staff:budi", "");
        assertEquals(Optional.empty(), file("sampah", "Jl. Merdeka No. 12", Optional.empty()).duplicateOf());
    }

    @Test
    void file_duplicateOfDuplicate_linksToTheOriginal() {
        FiledComplaint original = file("sampah", "Jl. Merdeka No. 12", Optional.of(HERE));
        file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        assertEquals(Optional.of(original.ticket()), file("sampah", "Gang sebelah", north(100)).duplicateOf());
    }

    @Test
    void file_duplicate_takesTheOriginalsStatus() {
        FiledComplaint original = file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        desk.changeStatus(original.ticket(), ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        FiledComplaint dup = file("sampah", "Jl Merdeka 12", Optional.empty());
        assertEquals(ComplaintStatus.IN_PROGRESS, desk.find(dup.ticket()).orElseThrow().status());
    }

    @Test
    void file_twoOriginalsNear_linkedToTheEarliestFiled() {
        FiledComplaint south = file("jalan-rusak", "Depan pasar", Optional.of(HERE));
        FiledComplaint north = file("jalan-rusak", "Dekat masjid", north(300)); // same instant: the ticket decides
        clock.advance(Duration.ofMinutes(1));
        FiledComplaint later = file("jalan-rusak", "Dekat sekolah", north(600));
        assertEquals(Optional.empty(), north.duplicateOf());
        assertEquals(Optional.empty(), later.duplicateOf());
        assertEquals(Optional.of(south.ticket()), file("jalan-rusak", "Di tengah", north(150)).duplicateOf());
        assertEquals(Optional.of(north.ticket()), file("jalan-rusak", "Di utara", north(450)).duplicateOf());
    }

    @Test
    void file_duplicate_historyHasItsReceiptThenItsLink() {
        FiledComplaint original = file("sampah", "Jl. Merdeka No. 12", Optional.empty());
        desk.changeStatus(original.ticket(), ComplaintStatus.IN_PROGRESS, "staff:budi", "");
        clock.advance(Duration.ofMinutes(5));
        FiledComplaint dup = file("sampah", "Jl Merdeka 12", Optional.empty());
        assertEquals(List.of(new HistoryEntry(1, ComplaintStatus.RECEIVED, clock.instant(), "resident:sms", ""),
                        new HistoryEntry(2, ComplaintStatus.IN_PROGRESS, clock.instant(), "kanal:duplicates",
                                "linked to " + original.ticket())),
                desk.queries().detail(dup.ticket()).orElseThrow().history());
        assertEquals(clock.instant(), desk.queries().detail(dup.ticket()).orElseThrow().updatedAt());
    }

    @Test
    void locationKey_normalisesAbbreviationsCaseAndPunctuation() {
        assertEquals("jalan merdeka 12 rt 03 rw 05", DuplicateFinder.locationKey("Jl. MERDEKA No.12, RT 03/RW 05"));
        assertEquals("jalan merdeka 12 rt 03 rw 05", DuplicateFinder.locationKey("Jln Merdeka nomor 12 RT 03 RW 05"));
    }
}
