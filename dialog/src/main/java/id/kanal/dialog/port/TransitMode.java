package id.kanal.dialog.port;

/** What runs from a stop: the word a resident uses ("kereta", "KRL", "bus") picks stops of that kind. */
public enum TransitMode {
    /** Commuter rail, metro, light rail, tram. */
    RAIL,
    /** Buses, BRT (TransJakarta, Trans Tangerang), minibuses. */
    BUS,
    /** Anything else (ferries, cable cars). */
    OTHER
}
