package dev.capflow.ingest.domain;

/** No corporate action is recorded under the key a request names. */
public class UnknownCorporateActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CorporateActionKey key;

    public UnknownCorporateActionException(CorporateActionKey key) {
        super("no " + key.kind() + " of " + key.symbol() + " with ex-date " + key.exDate() + " is recorded");
        this.key = key;
    }

    public CorporateActionKey key() {
        return key;
    }
}
