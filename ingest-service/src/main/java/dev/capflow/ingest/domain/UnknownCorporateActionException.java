package dev.capflow.ingest.domain;

import dev.capflow.errors.NotFoundException;

/** No corporate action is recorded under the key a request names (NOT_FOUND with a ResourceInfo naming the key). */
public class UnknownCorporateActionException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    /** How errors name a corporate action (google.rpc.ResourceInfo resource_type). */
    public static final String CORPORATE_ACTION = "capflow.ingest.v1.CorporateAction";

    public UnknownCorporateActionException(CorporateActionKey key) {
        super(
                CORPORATE_ACTION,
                java.util.List.of(key.toString()),
                "no " + key.kind() + " of " + key.symbol() + " with ex-date " + key.exDate() + " is recorded");
    }
}
