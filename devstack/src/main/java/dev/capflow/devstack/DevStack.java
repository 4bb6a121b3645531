package dev.capflow.devstack;

/** Placeholder; replaced by the embedded datastore launcher. */
public final class DevStack {
    public static void main(String[] args) {
    }
}
