package dev.capflow.errors;

import java.util.Locale;

/** How the errors name a resource: by its proto message type (e.g. {@code capflow.basket.v1.Basket}). */
final class Resources {

    private Resources() {}

    /** The noun a message uses for {@code resourceType}: its simple name in lower case ("basket"). */
    static String noun(String resourceType) {
        return resourceType.substring(resourceType.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }
}
