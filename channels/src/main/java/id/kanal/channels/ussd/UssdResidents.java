package id.kanal.channels.ussd;

import id.kanal.channels.RegionResidents;
import id.kanal.dialog.Address;
import id.kanal.dialog.Channel;

import java.util.Optional;

/**
 * Who a USSD session is for: the resident as the region of the service code they dialled knows
 * them. In a deployment of several regions the same phone dialling two regions' codes is two
 * residents, with two conversations, so a dropped session is offered again only on the code it
 * was dialled on, and a turn held across a restart goes back to that region. Made from
 * {@link RegionResidents}; without it every session is the phone's own (one region).
 */
@FunctionalInterface
public interface UssdResidents {
    /** The resident at {@code phone} (E.164) who dialled {@code serviceCode}. */
    Address of(String phone, Optional<String> serviceCode);

    /** The USSD residents of the regions' codes. */
    static UssdResidents of(RegionResidents regions) {
        return (phone, serviceCode) -> regions.of(new Address(Channel.USSD, phone), serviceCode);
    }

    /** One region: the phone number is the resident. */
    static UssdResidents oneRegion() {
        return (phone, serviceCode) -> new Address(Channel.USSD, phone);
    }
}
