package dev.capflow.basket.domain;

/** No basket has the requested id. */
public class BasketNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BasketNotFoundException(String basketId) {
        super("no basket " + basketId);
    }
}
