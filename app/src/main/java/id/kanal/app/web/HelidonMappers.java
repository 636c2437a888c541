package id.kanal.app.web;

import io.helidon.common.mapper.MapperManager;

/**
 * Sets Helidon's global mapper manager once per JVM, before the server starts. Helidon 4.2 calls
 * {@code MapperManager.global()} on every request (a header read as a number, each route level's
 * path parameters, query values), and while no manager was set, each call asks the service
 * registry, which builds a new manager: 26 us a call measured, about a tenth of an SMS turn's CPU
 * (fixed in Helidon 4.3, helidon-io/helidon#10627). Set before anything used the registry's, the
 * one set here is returned at once (33 ns). The manager is the one the registry would build:
 * the built-in mappers and those its service loader finds.
 */
public final class HelidonMappers {
    private HelidonMappers() {
    }

    /** Sets it once; later calls (a test's second server in the same JVM) find it set. */
    public static void install() {
        Holder.INSTALLED.hashCode();
    }

    @SuppressWarnings("removal")
    private static final class Holder {
        static final Object INSTALLED = set();

        private static Object set() {
            MapperManager manager = MapperManager.create();
            MapperManager.global(manager);
            return manager;
        }
    }
}
