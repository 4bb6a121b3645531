package dev.capflow.basket.domain;

/** A basket with the requested id already exists. */
public class BasketExistsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BasketExistsException(String basketId) {
        super("basket " + basketId + " already exists");
    }
}
