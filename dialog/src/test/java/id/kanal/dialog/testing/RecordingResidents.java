package id.kanal.dialog.testing;

import id.kanal.dialog.Address;
import id.kanal.dialog.Language;
import id.kanal.dialog.port.ResidentRegistry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory {@link ResidentRegistry} that tests inspect. */
public final class RecordingResidents implements ResidentRegistry {
    public final Map<String, Instant> optedOut = new ConcurrentHashMap<>();
    public final Map<String, Instant> lastWhatsApp = new ConcurrentHashMap<>();
    public final Map<String, String> profileNames = new ConcurrentHashMap<>();
    public final Map<String, Language> languages = new ConcurrentHashMap<>();

    @Override
    public boolean isOptedOut(Address resident) {
        return optedOut.containsKey(resident.value());
    }

    @Override
    public void optOut(Address resident, Instant now) {
        optedOut.put(resident.value(), now);
    }

    @Override
    public void optIn(Address resident, Instant now) {
        optedOut.remove(resident.value());
    }

    @Override
    public Optional<Language> language(Address resident) {
        return Optional.ofNullable(languages.get(resident.value()));
    }

    @Override
    public void setLanguage(Address resident, Language language, Instant now) {
        languages.put(resident.value(), language);
    }

    @Override
    public Optional<Instant> whatsAppLastInbound(Address resident) {
        return Optional.ofNullable(lastWhatsApp.get(resident.value()));
    }

    @Override
    public void whatsAppInbound(Address resident, Optional<String> profileName, Instant at) {
        lastWhatsApp.put(resident.value(), at);
        profileName.ifPresent(n -> profileNames.put(resident.value(), n));
    }

    public void clear() {
        optedOut.clear();
        lastWhatsApp.clear();
        profileNames.clear();
        languages.clear();
    }
}
