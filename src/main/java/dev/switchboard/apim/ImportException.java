package dev.switchboard.apim;

/** Something in the input cannot be read or evaluated; the message says what. */
public final class ImportException extends Exception {

    public ImportException(String message) {
        super(message);
    }
}
