package id.kanal.services.complaints;


import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;
import id.kanal.dialog.port.ComplaintStatus;
import id.kanal.services.complaints.DeskFixture.Sent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static id.kanal.services.complaints.DeskFixture.complaint;
import static id.kanal.services.complaints.DeskFixture.outbox;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every allowed transition puts exactly one notification with its own wording in the outbox. */
class TransitionNotificationTest extends DeskTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "RECEIVED    | ASSIGNED    | Laporan TNG-000001 (Sampah) diteruskan ke Dinas Lingkungan Hidup. Catatan: ok",
            "RECEIVED    | REJECTED    | Laporan TNG-000001 (Sampah) ditolak. Alasan: ok",
            "ASSIGNED    | IN_PROGRESS | Laporan TNG-000001 (Sampah) sedang dikerjakan oleh Dinas Lingkungan Hidup. Catatan: ok",
            "ASSIGNED    | RESOLVED    | Laporan TNG-000001 (Sampah) sudah selesai ditangani Dinas Lingkungan Hidup. Catatan: ok Apakah masalahnya sudah beres? 1 Sudah 2 Belum",
            "ASSIGNED    | REJECTED    | Laporan TNG-000001 (Sampah) ditolak. Alasan: ok",
            "IN_PROGRESS | RESOLVED    | Laporan TNG-000001 (Sampah) sudah selesai ditangani Dinas Lingkungan Hidup. Catatan: ok Apakah masalahnya sudah beres? 1 Sudah 2 Belum",
            "IN_PROGRESS | REJECTED    | Laporan TNG-000001 (Sampah) ditolak. Alasan: ok",
            "RESOLVED    | IN_PROGRESS | Laporan TNG-000001 (Sampah) dibuka kembali dan dikerjakan lagi oleh Dinas Lingkungan Hidup. Catatan: ok"})
    void changeStatus_eachAllowedTransition_oneSmsWithItsWording(ComplaintStatus from, ComplaintStatus to, String text) {
        String ticket = desk.file(complaint("k", new Address(Channel.USSD, "+6281234567890"), "sampah", "Pasar Anyar",
                Optional.empty())).ticket();
        // Put the complaint in the starting status directly: filing always leaves it ASSIGNED.
        db.inTransaction(c -> c.createStatement().executeUpdate("UPDATE complaint SET status = '" + from.name()
                + "', updated_at = " + clock.millis() + " WHERE ticket = '" + ticket + "'"));
        desk.changeStatus(ticket, to, "staff:budi", "ok");
        // The filing's own SMS receipt (a USSD reporter's) is not a status notification.
        assertEquals(List.of(new Sent("sms", "+6281234567890", text, "status-change", 1, null)),
                outbox(db).stream().filter(s -> !s.kind().equals(UssdReceiptWriter.KIND)).toList());
    }
}
