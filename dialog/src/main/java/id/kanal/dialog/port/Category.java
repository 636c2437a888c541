package id.kanal.dialog.port;

import java.util.List;
import java.util.Objects;

/**
 * A complaint category of the region, routed to one agency.
 *
 * @param keywords lower-case words that name it in a message ("sampah", "banjir", "pju")
 */
public record Category(String code, String nameId, String nameEn, String agencyName, List<String> keywords) {
    public Category {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(agencyName, "agencyName");
        keywords = List.copyOf(keywords);
    }

    public String name(id.kanal.dialog.Language language) {
        return language == id.kanal.dialog.Language.EN ? nameEn : nameId;
    }
}
