package id.kanal.services.complaints;

import id.kanal.dialog.GeoPoint;

/** Distances on the earth's surface. */
final class Geo {
    private static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    /** The great-circle (haversine) distance in metres. */
    static double meters(GeoPoint a, GeoPoint b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.latitude()))
                * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
