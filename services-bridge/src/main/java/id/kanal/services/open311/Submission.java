package id.kanal.services.open311;

import java.util.Objects;

/**
 * What an Open311 desk answered {@code POST requests.json}: the new request's id, or, for a desk
 * that files later, a token to exchange for the id with {@code GET tokens/{token}.json}
 * (https://wiki.open311.org/GeoReport_v2#GET_service_request_id_from_a_token).
 */
public sealed interface Submission {
    record Filed(String serviceRequestId) implements Submission {
        public Filed {
            Objects.requireNonNull(serviceRequestId, "serviceRequestId");
        }
    }

    record Queued(String token) implements Submission {
        public Queued {
            Objects.requireNonNull(token, "token");
        }
    }
}
